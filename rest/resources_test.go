package rest_test

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"github.com/cordage/cordage/discord"
	"github.com/cordage/cordage/rest"
)

// TestEveryResourceMethodReachesItsRoute calls each of the client's 242
// resource methods against the emulator and checks the method and path
// template the emulator saw. A method whose empty request body fails
// validation, or whose empty query options lack a required parameter, never
// sends; its route is then checked through Client.Do.
func TestEveryResourceMethodReachesItsRoute(t *testing.T) {
	if testing.Short() {
		t.Skip("sends a request per route")
	}
	srv, c, _ := setup(t, rest.WithRetries(0))
	ctx := context.Background()
	client := reflect.ValueOf(c).Elem()
	sent, validated, bearerOnly := 0, 0, 0
	for _, r := range rest.Routes {
		resource := client.FieldByName(r.Resource)
		if !resource.IsValid() {
			t.Errorf("%s: client has no field %s", r, r.Resource)
			continue
		}
		method := resource.MethodByName(r.Action)
		if !method.IsValid() {
			t.Errorf("%s: %s has no method %s", r, r.Resource, r.Action)
			continue
		}
		mt := method.Type()
		args := []reflect.Value{reflect.ValueOf(ctx)}
		var params []string
		for i := 1; i < mt.NumIn(); i++ {
			in := mt.In(i)
			switch {
			case mt.IsVariadic() && i == mt.NumIn()-1:
			case in == reflect.TypeFor[discord.Snowflake]():
				id := discord.Snowflake(1000 + i)
				params = append(params, id.String())
				args = append(args, reflect.ValueOf(id))
			case in.Kind() == reflect.String:
				params = append(params, "x")
				args = append(args, reflect.ValueOf("x"))
			case in.Kind() == reflect.Pointer:
				args = append(args, reflect.New(in.Elem()))
			default:
				args = append(args, reflect.Zero(in))
			}
		}
		srv.ClearRequests()
		out := method.Call(args)
		err, _ := out[len(out)-1].Interface().(error)
		if errors.Is(err, rest.ErrWrongAuth) {
			if r.Auth.Has(rest.AuthBot) {
				t.Errorf("%s: refused a bot token the route accepts: %v", r, err)
			}
			bearerOnly++
			continue
		}
		var ve *discord.ValidationError
		if errors.As(err, &ve) || errors.Is(err, rest.ErrInvalidQuery) {
			validated++
			if err := c.Do(ctx, r, rest.Request{Params: params}, nil); err != nil {
				var apiErr *rest.Error
				if !errors.As(err, &apiErr) {
					t.Errorf("%s via Do: %v", r, err)
					continue
				}
			}
		} else {
			sent++
		}
		reqs := srv.Requests()
		if len(reqs) == 0 {
			t.Errorf("%s.%s (%s): nothing reached the emulator (error %v)", r.Resource, r.Action, r, err)
			continue
		}
		if got := reqs[len(reqs)-1].Route; got != r.String() {
			t.Errorf("%s.%s: emulator saw %q, want %q", r.Resource, r.Action, got, r.String())
		}
	}
	t.Logf("%d methods sent their request; %d stopped by validation of an empty body or a required query parameter, checked through Do; %d need an OAuth2 token and were refused before sending",
		sent, validated, bearerOnly)
}

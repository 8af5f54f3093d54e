package rest_test

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/cordage/cordage/rest"
)

func ExampleRoute_URL() {
	r := rest.RouteCreateMessage
	u, err := r.URL("https://discord.com/api/v10", "1234")
	if err != nil {
		panic(err)
	}
	fmt.Println(r.Name(), u)
	fmt.Println(r.Request, "→", r.Response)
	// Output:
	// Messages.Create https://discord.com/api/v10/channels/1234/messages
	// discord.CreateMessageRequest → discord.Message
}

func ExampleError() {
	// A request that failed, as the client returns it.
	err := fmt.Errorf("ban user 42: %w", &rest.Error{
		Method:  http.MethodPut,
		Route:   rest.RouteBanUserFromGuild.Path,
		Status:  http.StatusForbidden,
		Code:    rest.CodeMissingPermissions,
		Message: "Missing Permissions",
	})

	if errors.Is(err, rest.CodeMissingPermissions) {
		fmt.Println("the bot lacks a permission")
	}
	var restErr *rest.Error
	if errors.As(err, &restErr) {
		fmt.Println(restErr.Status)
	}
	fmt.Println(err)
	// Output:
	// the bot lacks a permission
	// 403
	// ban user 42: rest: PUT /guilds/{guild_id}/bans/{user_id}: 50013 Missing Permissions
}

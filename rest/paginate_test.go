package rest_test

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"slices"
	"testing"
	"time"

	"github.com/cordage/cordage/discord"
	"github.com/cordage/cordage/discordtest"
	"github.com/cordage/cordage/rest"
)

// collect runs a walk to its end, failing the test on an error.
func collect[T any](t *testing.T, seq iter.Seq2[T, error]) []T {
	t.Helper()
	var out []T
	for v, err := range seq {
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, v)
	}
	return out
}

// requestsTo counts the requests the emulator saw on a route.
func requestsTo(srv *discordtest.Server, r *rest.Route) int {
	n := 0
	for _, req := range srv.Requests() {
		if req.Route == r.String() {
			n++
		}
	}
	return n
}

func checkOrder(t *testing.T, got []discord.Snowflake, backward bool) {
	t.Helper()
	for i := 1; i < len(got); i++ {
		if backward && got[i] >= got[i-1] || !backward && got[i] <= got[i-1] {
			t.Fatalf("item %d: %v after %v (backward %v): out of order or repeated", i, got[i], got[i-1], backward)
		}
	}
}

func seedMessages(t *testing.T, srv *discordtest.Server, channelID discord.Snowflake, n int) []discord.Snowflake {
	t.Helper()
	u := srv.AddUser("author")
	var ids []discord.Snowflake
	for i := range n {
		m, ok := srv.SendMessage(u.ID, channelID, fmt.Sprint("message ", i))
		if !ok {
			t.Fatal("seed message")
		}
		ids = append(ids, m.ID)
	}
	return ids
}

func TestMessagesAllWalksBackwardThenStopsAtTheLastPage(t *testing.T) {
	srv, c, g := setup(t)
	ids := seedMessages(t, srv, g.SystemChannelID, 25)
	srv.ClearRequests()

	var got []discord.Snowflake
	for m := range valuesOf(t, c.Messages.All(context.Background(), g.SystemChannelID, &rest.ListMessagesOptions{Limit: 10})) {
		got = append(got, m.ID)
	}
	want := slices.Clone(ids)
	slices.Reverse(want)
	if !slices.Equal(got, want) {
		t.Fatalf("walked %v, want %v", got, want)
	}
	// Pages of 10, 10 and 5: the short page is the last, no empty fetch.
	if n := requestsTo(srv, &rest.RouteListMessages); n != 3 {
		t.Errorf("%d requests, want 3", n)
	}
}

func TestMessagesAllWalksForwardFromAfter(t *testing.T) {
	srv, c, g := setup(t)
	ids := seedMessages(t, srv, g.SystemChannelID, 23)
	got := collect(t, c.Messages.All(context.Background(), g.SystemChannelID, &rest.ListMessagesOptions{After: ids[2], Limit: 5}))
	var gotIDs []discord.Snowflake
	for _, m := range got {
		gotIDs = append(gotIDs, m.ID)
	}
	checkOrder(t, gotIDs, false)
	if !slices.Equal(gotIDs, ids[3:]) {
		t.Fatalf("walked %v, want %v", gotIDs, ids[3:])
	}
}

func TestMessagesAllFetchesNoPageTheLoopDoesNotReach(t *testing.T) {
	srv, c, g := setup(t)
	seedMessages(t, srv, g.SystemChannelID, 30)
	srv.ClearRequests()
	n := 0
	for _, err := range c.Messages.All(context.Background(), g.SystemChannelID, &rest.ListMessagesOptions{Limit: 10}) {
		if err != nil {
			t.Fatal(err)
		}
		if n++; n == 12 {
			break
		}
	}
	if got := requestsTo(srv, &rest.RouteListMessages); got != 2 {
		t.Errorf("breaking after 12 items made %d requests, want 2", got)
	}
	srv.ClearRequests()
	_ = c.Messages.All(context.Background(), g.SystemChannelID, nil)
	if got := len(srv.Requests()); got != 0 {
		t.Errorf("creating the iterator sent %d requests, want none", got)
	}
}

func TestPaginationYieldsTheErrorOnce(t *testing.T) {
	_, c, _ := setup(t, rest.WithRetries(0))
	errs := 0
	for _, err := range c.Messages.All(context.Background(), 12345, nil) {
		if err == nil {
			t.Fatal("an item from an unknown channel")
		}
		errs++
	}
	if errs != 1 {
		t.Errorf("%d errors, want 1", errs)
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, err := range c.Bans.All(ctx, 1, nil) {
		if !errors.Is(err, context.Canceled) {
			t.Errorf("walk with a cancelled context: %v", err)
		}
	}
	for _, err := range c.Messages.All(context.Background(), 1, &rest.ListMessagesOptions{Before: 5, After: 3}) {
		if !errors.Is(err, rest.ErrInvalidQuery) {
			t.Errorf("walk with before and after: %v", err)
		}
	}
}

func TestMembersAllWalksEveryMemberOnce(t *testing.T) {
	srv, c, g := setup(t)
	for i := range 23 {
		u := srv.AddUser(fmt.Sprint("member", i))
		if _, ok := srv.AddMember(g.ID, u.ID); !ok {
			t.Fatal("seed member")
		}
	}
	srv.ClearRequests()
	var ids []discord.Snowflake
	for m := range valuesOf(t, c.Members.All(context.Background(), g.ID, &rest.ListGuildMembersOptions{Limit: 4})) {
		ids = append(ids, m.User.ID)
	}
	checkOrder(t, ids, false)
	if len(ids) < 23 {
		t.Fatalf("walked %d members, want at least 23", len(ids))
	}
	if n, want := requestsTo(srv, &rest.RouteListGuildMembers), len(ids)/4+1; n != want {
		t.Errorf("%d requests for %d members in pages of 4, want %d", n, len(ids), want)
	}
}

func TestBansAllWalksBothWays(t *testing.T) {
	srv, c, g := setup(t)
	var banned []discord.Snowflake
	for i := range 12 {
		u := srv.AddUser(fmt.Sprint("banned", i))
		if err := c.Bans.Create(context.Background(), g.ID, u.ID, &discord.BanRequest{}); err != nil {
			t.Fatal(err)
		}
		banned = append(banned, u.ID)
	}
	slices.Sort(banned)
	var up []discord.Snowflake
	for b := range valuesOf(t, c.Bans.All(context.Background(), g.ID, &rest.ListGuildBansOptions{Limit: 5})) {
		up = append(up, b.User.ID)
	}
	if !slices.Equal(up, banned) {
		t.Fatalf("ascending walk %v, want %v", up, banned)
	}
	var down []discord.Snowflake
	for b := range valuesOf(t, c.Bans.All(context.Background(), g.ID, &rest.ListGuildBansOptions{Before: banned[10] + 1, Limit: 3})) {
		down = append(down, b.User.ID)
	}
	want := slices.Clone(banned[:11])
	slices.Reverse(want)
	if !slices.Equal(down, want) {
		t.Fatalf("descending walk %v, want %v", down, want)
	}
}

func TestUsersAllGuildsWalksTheBotsGuilds(t *testing.T) {
	srv, c, g := setup(t)
	ids := []discord.Snowflake{g.ID}
	for i := range 6 {
		ids = append(ids, srv.AddGuild(fmt.Sprint("guild ", i)).ID)
	}
	slices.Sort(ids)
	srv.ClearRequests()
	var got []discord.Snowflake
	for g := range valuesOf(t, c.Users.AllGuilds(context.Background(), &rest.ListCurrentUserGuildsOptions{Limit: 2})) {
		got = append(got, g.ID)
	}
	if !slices.Equal(got, ids) {
		t.Fatalf("walked %v, want %v", got, ids)
	}
	if n := requestsTo(srv, &rest.RouteListCurrentUserGuilds); n != 4 {
		t.Errorf("%d requests for 7 guilds in pages of 2, want 4", n)
	}
}

// valuesOf turns a walk into a sequence of its values, failing the test on
// an error.
func valuesOf[T any](t *testing.T, seq iter.Seq2[T, error]) iter.Seq[T] {
	return func(yield func(T) bool) {
		for v, err := range seq {
			if err != nil {
				t.Fatal(err)
			}
			if !yield(v) {
				return
			}
		}
	}
}

func TestMessagesAllPinsFollowsHasMore(t *testing.T) {
	srv, c, g := setup(t)
	ids := seedMessages(t, srv, g.SystemChannelID, 7)
	for _, id := range ids {
		if err := c.Messages.Pin(context.Background(), g.SystemChannelID, id); err != nil {
			t.Fatal(err)
		}
		time.Sleep(2 * time.Millisecond) // distinct pin times
	}
	srv.ClearRequests()
	var got []discord.Snowflake
	for p := range valuesOf(t, c.Messages.AllPins(context.Background(), g.SystemChannelID, &rest.ListPinsOptions{Limit: 3})) {
		got = append(got, p.Message.ID)
	}
	want := slices.Clone(ids)
	slices.Reverse(want)
	if !slices.Equal(got, want) {
		t.Fatalf("walked %v, want %v", got, want)
	}
	if n := requestsTo(srv, &rest.RouteListPins); n != 3 {
		t.Errorf("%d requests for 7 pins in pages of 3, want 3", n)
	}
}

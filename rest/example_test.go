package rest_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/cordage/cordage/discord"
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

func ExampleMessagesResource_All() {
	c := rest.New("token")
	ctx := context.Background()
	channelID := discord.Snowflake(1234)

	// Every message after the first one of the channel, oldest first, in
	// pages of 50; a page is fetched only when the loop needs it.
	for msg, err := range c.Messages.All(ctx, channelID, &rest.ListMessagesOptions{After: 1, Limit: 50}) {
		if err != nil {
			fmt.Println(err)
			break
		}
		if msg.Pinned {
			fmt.Println(msg.ID, msg.Content)
			break // no further page is fetched
		}
	}
}

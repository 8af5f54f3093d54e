package discord_test

import (
	"encoding/json"
	"fmt"

	"github.com/cordage/cordage/discord"
)

// A message with a row of buttons: two that send an interaction with their
// custom ID, and one that opens a link. The "type" fields come from the Go
// types, and Validate checks Discord's limits before anything is sent.
func ExampleComponents() {
	req := discord.CreateMessageRequest{
		Content: "Deploy to production?",
		Components: discord.Components{
			discord.NewActionRow(
				discord.NewButton(discord.ButtonStyleSuccess, "Deploy", "deploy/confirm"),
				discord.NewButton(discord.ButtonStyleSecondary, "Cancel", "deploy/cancel"),
				discord.NewLinkButton("Changelog", "https://example.com/changelog"),
			),
		},
	}
	if err := req.Validate(); err != nil {
		fmt.Println(err)
		return
	}
	b, err := json.MarshalIndent(req, "", "  ")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(string(b))

	// A button without a custom ID is caught before sending.
	req.Components = append(req.Components, discord.NewActionRow(&discord.Button{Style: discord.ButtonStylePrimary, Label: "Oops"}))
	fmt.Println(req.Validate())
	// Output:
	// {
	//   "content": "Deploy to production?",
	//   "components": [
	//     {
	//       "type": 1,
	//       "components": [
	//         {
	//           "type": 2,
	//           "style": 3,
	//           "label": "Deploy",
	//           "custom_id": "deploy/confirm"
	//         },
	//         {
	//           "type": 2,
	//           "style": 2,
	//           "label": "Cancel",
	//           "custom_id": "deploy/cancel"
	//         },
	//         {
	//           "type": 2,
	//           "style": 5,
	//           "label": "Changelog",
	//           "url": "https://example.com/changelog"
	//         }
	//       ]
	//     }
	//   ]
	// }
	// discord: invalid CreateMessageRequest: components[1].components[0].custom_id: required
}

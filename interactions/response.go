package interactions

import "github.com/cordage/cordage/discord"

// Reply answers with a message.
func Reply(content string) *discord.InteractionResponse {
	return Message(discord.InteractionResponseData{Content: content})
}

// ReplyEphemeral answers with a message only the invoking user sees.
func ReplyEphemeral(content string) *discord.InteractionResponse {
	return Message(discord.InteractionResponseData{Content: content, Flags: discord.MessageFlagEphemeral})
}

// Message answers with a message built from data: content, embeds,
// components, a poll, attachments, flags.
func Message(data discord.InteractionResponseData) *discord.InteractionResponse {
	return &discord.InteractionResponse{Type: discord.InteractionResponseTypeChannelMessageWithSource, Data: &data}
}

// Update answers a component interaction by editing the message the
// component belongs to.
func Update(data discord.InteractionResponseData) *discord.InteractionResponse {
	return &discord.InteractionResponse{Type: discord.InteractionResponseTypeUpdateMessage, Data: &data}
}

// Defer acknowledges the interaction now and answers later with
// Context.EditOriginal; the user sees "thinking...". For a component, it
// acknowledges without changing the message.
func Defer(ephemeral bool) *discord.InteractionResponse {
	r := &discord.InteractionResponse{Type: discord.InteractionResponseTypeDeferredChannelMessageWithSource}
	if ephemeral {
		r.Data = &discord.InteractionResponseData{Flags: discord.MessageFlagEphemeral}
	}
	return r
}

// DeferUpdate acknowledges a component interaction without changing its
// message yet.
func DeferUpdate() *discord.InteractionResponse {
	return &discord.InteractionResponse{Type: discord.InteractionResponseTypeDeferredUpdateMessage}
}

// Modal answers with a modal: a title, a custom_id routed to a Modal handler
// when submitted, and up to 5 components (labels holding text inputs, selects
// or file uploads, and text displays).
func Modal(customID, title string, components ...discord.Component) *discord.InteractionResponse {
	return &discord.InteractionResponse{Type: discord.InteractionResponseTypeModal, Data: &discord.InteractionResponseData{
		CustomID: customID, Title: title, Components: components,
	}}
}

// Choices answers an autocomplete interaction with up to 25 choices.
func Choices(choices ...discord.ApplicationCommandOptionChoice) *discord.InteractionResponse {
	if choices == nil {
		choices = []discord.ApplicationCommandOptionChoice{}
	}
	return &discord.InteractionResponse{Type: discord.InteractionResponseTypeApplicationCommandAutocompleteResult,
		Data: &discord.InteractionResponseData{Choices: choices}}
}

// Choice is one autocomplete or option choice; value is a string, an
// integer or a float64.
func Choice(name string, value any) discord.ApplicationCommandOptionChoice {
	return discord.ApplicationCommandOptionChoice{Name: name, Value: value}
}

package interactions

import (
	"context"

	"github.com/cordage/cordage/discord"
	"github.com/cordage/cordage/rest"
)

// RESTResponder answers interactions through the REST client: the callback
// endpoint for the first answer, the interaction's webhook for edits and
// follow-ups. Use it as the followups of Handler, or to answer gateway
// interactions with Router.Handle.
func RESTResponder(c *rest.Client) Responder { return restResponder{c} }

type restResponder struct{ c *rest.Client }

func (r restResponder) Respond(ctx context.Context, i *discord.Interaction, resp *discord.InteractionResponse) error {
	_, err := r.c.Interactions.Respond(ctx, i.ID, i.Token, resp, nil)
	return err
}

func (r restResponder) EditOriginal(ctx context.Context, i *discord.Interaction, req *discord.EditWebhookMessageRequest) (*discord.Message, error) {
	return r.c.Interactions.UpdateResponse(ctx, i.ApplicationID, i.Token, req, nil, rest.WithInteraction())
}

func (r restResponder) Followup(ctx context.Context, i *discord.Interaction, req *discord.ExecuteWebhookRequest) (*discord.Message, error) {
	return r.c.Webhooks.Execute(ctx, i.ApplicationID, i.Token, req, &rest.ExecuteWebhookOptions{Wait: true}, rest.WithInteraction())
}

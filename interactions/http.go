package interactions

import (
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"net/http"

	"github.com/cordage/cordage/discord"
)

// maxBody is the largest interaction body the HTTP endpoint reads.
const maxBody = 1 << 20

// Handler returns an http.Handler for Discord's HTTP interactions endpoint.
// It checks each request's X-Signature-Ed25519 and X-Signature-Timestamp
// headers against the application's public key (401 when they do not
// match), answers PING with PONG, and routes everything else through r. The
// first answer of a handler is the HTTP response; later ones (edits after a
// deferral, follow-ups) go through followups, usually the REST client. A nil
// followups makes those calls fail.
func (r *Router) Handler(publicKey ed25519.PublicKey, followups Responder) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		if req.Method != http.MethodPost {
			http.Error(w, "interactions: POST only", http.StatusMethodNotAllowed)
			return
		}
		body, err := io.ReadAll(io.LimitReader(req.Body, maxBody+1))
		if err != nil || len(body) > maxBody {
			http.Error(w, "interactions: unreadable or oversized body", http.StatusBadRequest)
			return
		}
		if !Verify(publicKey, req.Header.Get("X-Signature-Ed25519"), req.Header.Get("X-Signature-Timestamp"), body) {
			http.Error(w, "interactions: invalid request signature", http.StatusUnauthorized)
			return
		}
		var i discord.Interaction
		if err := json.Unmarshal(body, &i); err != nil {
			http.Error(w, "interactions: invalid interaction: "+err.Error(), http.StatusBadRequest)
			return
		}
		first := &httpResponder{next: followups, answers: make(chan answer), gone: make(chan struct{})}
		defer close(first.gone)
		handled := make(chan error, 1)
		ctx := context.WithoutCancel(req.Context())
		go func() {
			handled <- r.Handle(ctx, &i, first)
		}()
		select {
		case a := <-first.answers:
			w.Header().Set("Content-Type", "application/json")
			b, err := json.Marshal(a.resp)
			if err == nil {
				_, err = w.Write(b)
			}
			a.written <- err
		case err := <-handled:
			// The handler ended without answering.
			status := http.StatusInternalServerError
			if errors.Is(err, ErrNoRoute) {
				status = http.StatusNotFound
			}
			msg := "interactions: no answer"
			if err != nil {
				msg = err.Error()
			}
			http.Error(w, msg, status)
		case <-req.Context().Done():
		}
	})
}

// Verify checks Discord's Ed25519 signature of an interaction request: the
// hex signature of the timestamp followed by the body.
func Verify(publicKey ed25519.PublicKey, signatureHex, timestamp string, body []byte) bool {
	sig, err := hex.DecodeString(signatureHex)
	if err != nil || len(sig) != ed25519.SignatureSize || len(publicKey) != ed25519.PublicKeySize {
		return false
	}
	msg := make([]byte, 0, len(timestamp)+len(body))
	msg = append(append(msg, timestamp...), body...)
	return ed25519.Verify(publicKey, msg, sig)
}

type answer struct {
	resp    *discord.InteractionResponse
	written chan error
}

// httpResponder sends the first answer as the HTTP response and the rest
// through next.
type httpResponder struct {
	next    Responder
	answers chan answer
	gone    chan struct{} // closed when the HTTP request is over
}

var errNoFollowups = errors.New("interactions: no Responder for follow-ups was given to Handler")

func (h *httpResponder) Respond(ctx context.Context, _ *discord.Interaction, r *discord.InteractionResponse) error {
	a := answer{resp: r, written: make(chan error, 1)}
	select {
	case h.answers <- a:
		return <-a.written
	case <-h.gone:
		return errors.New("interactions: the HTTP request ended before the answer")
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (h *httpResponder) EditOriginal(ctx context.Context, i *discord.Interaction, req *discord.EditWebhookMessageRequest) (*discord.Message, error) {
	if h.next == nil {
		return nil, errNoFollowups
	}
	return h.next.EditOriginal(ctx, i, req)
}

func (h *httpResponder) Followup(ctx context.Context, i *discord.Interaction, req *discord.ExecuteWebhookRequest) (*discord.Message, error) {
	if h.next == nil {
		return nil, errNoFollowups
	}
	return h.next.Followup(ctx, i, req)
}

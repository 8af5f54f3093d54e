package discordtest

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
)

// PostTo delivers the interaction to a bot's HTTP interactions endpoint, as
// Discord does for an application with an Interactions Endpoint URL: a POST
// of the interaction's JSON, signed with key (the application's private key;
// the bot checks it with the public one) in the X-Signature-Ed25519 and
// X-Signature-Timestamp headers. The JSON the endpoint answers with is the
// interaction's callback, recorded as if the bot had sent it to the callback
// endpoint (it shows in Requests). Read it, and what follows, with Response
// or Wait. It fails when the endpoint answers with another status than 200.
func (i *Interaction) PostTo(ctx context.Context, endpoint string, key ed25519.PrivateKey) error {
	body, err := json.Marshal(i.Interaction)
	if err != nil {
		return err
	}
	ts := strconv.FormatInt(i.srv.now().Unix(), 10)
	sig := ed25519.Sign(key, append([]byte(ts), body...))
	hc := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, endpoint, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "Discord-Interactions/1.0 (+https://discord.com)")
	req.Header.Set("X-Signature-Ed25519", hex.EncodeToString(sig))
	req.Header.Set("X-Signature-Timestamp", ts)
	resp, err := hc.Do(req)
	if err != nil {
		return fmt.Errorf("discordtest: post interaction %d: %w", i.ID, err)
	}
	callback, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return fmt.Errorf("discordtest: post interaction %d: %w", i.ID, err)
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("discordtest: post interaction %d: endpoint answered %s: %s", i.ID, resp.Status, bytes.TrimSpace(callback))
	}
	url := fmt.Sprintf("%s/interactions/%d/%s/callback", i.srv.URL(), i.ID, i.Token)
	req, err = http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(callback))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err = hc.Do(req)
	if err != nil {
		return fmt.Errorf("discordtest: record callback of interaction %d: %w", i.ID, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		b, _ := io.ReadAll(resp.Body)
		return fmt.Errorf("discordtest: invalid callback of interaction %d: %s: %s", i.ID, resp.Status, bytes.TrimSpace(b))
	}
	return nil
}

package discordtest

import (
	"encoding/json"
	"net/http"
	"strings"
)

// serveREST answers the REST API under /api/v10.
func (s *Server) serveREST(w http.ResponseWriter, r *http.Request) {
	path, ok := strings.CutPrefix(r.URL.Path, "/api/v10")
	if !ok {
		writeError(w, http.StatusNotFound, 0, "404: Not Found")
		return
	}
	switch {
	case r.Method == http.MethodGet && path == "/gateway":
		writeJSON(w, http.StatusOK, map[string]any{"url": s.GatewayURL()})
		return
	}
	if !s.authorized(r) {
		writeError(w, http.StatusUnauthorized, 0, "401: Unauthorized")
		return
	}
	switch {
	case r.Method == http.MethodGet && path == "/gateway/bot":
		s.mu.Lock()
		remaining := s.cfg.sessionStarts
		s.mu.Unlock()
		writeJSON(w, http.StatusOK, map[string]any{
			"url":    s.GatewayURL(),
			"shards": s.cfg.shards,
			"session_start_limit": map[string]any{
				"total": 1000, "remaining": remaining, "reset_after": 86400000,
				"max_concurrency": s.cfg.maxConcurrency,
			},
		})
	case r.Method == http.MethodGet && path == "/users/@me":
		writeJSON(w, http.StatusOK, s.Bot())
	default:
		writeError(w, http.StatusNotFound, 0, "404: Not Found")
	}
}

// authorized checks the Authorization header: "Bot <token>".
func (s *Server) authorized(r *http.Request) bool {
	return r.Header.Get("Authorization") == "Bot "+s.cfg.token
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

// writeError writes Discord's JSON error body.
func writeError(w http.ResponseWriter, status, code int, message string) {
	writeJSON(w, status, map[string]any{"code": code, "message": message})
}

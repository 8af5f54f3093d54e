package discordtest

import (
	"fmt"
	"net/http"
)

// apiError is Discord's JSON error body: {"code": 10003, "message": "Unknown
// Channel"}, with a nested "errors" object for invalid form bodies.
type apiError struct {
	status  int
	Code    int            `json:"code"`
	Message string         `json:"message"`
	Errors  map[string]any `json:"errors,omitempty"`
}

func (e *apiError) Error() string { return fmt.Sprintf("%d %d %s", e.status, e.Code, e.Message) }

// discordErrors are the JSON error codes the emulator answers with, with
// their HTTP status and Discord's message. Every code is in Discord's table
// (json-error-codes.tsv); a test checks it.
var discordErrors = map[int]struct {
	status  int
	message string
}{
	10003:  {http.StatusNotFound, "Unknown Channel"},
	10004:  {http.StatusNotFound, "Unknown Guild"},
	10007:  {http.StatusNotFound, "Unknown Member"},
	10008:  {http.StatusNotFound, "Unknown Message"},
	10011:  {http.StatusNotFound, "Unknown Role"},
	10013:  {http.StatusNotFound, "Unknown User"},
	10014:  {http.StatusNotFound, "Unknown Emoji"},
	10015:  {http.StatusNotFound, "Unknown Webhook"},
	10026:  {http.StatusNotFound, "Unknown Ban"},
	10062:  {http.StatusNotFound, "Unknown interaction"},
	10063:  {http.StatusNotFound, "Unknown application command"},
	30005:  {http.StatusBadRequest, "Maximum number of guild roles reached (250)"},
	30007:  {http.StatusBadRequest, "Maximum number of webhooks reached (15)"},
	30010:  {http.StatusBadRequest, "Maximum number of reactions reached (20)"},
	30013:  {http.StatusBadRequest, "Maximum number of guild channels reached (500)"},
	40005:  {http.StatusRequestEntityTooLarge, "Request entity too large"},
	40007:  {http.StatusForbidden, "The user is banned from this guild."},
	40060:  {http.StatusBadRequest, "Interaction has already been acknowledged."},
	50001:  {http.StatusForbidden, "Missing Access"},
	50003:  {http.StatusForbidden, "Cannot execute action on a DM channel"},
	50005:  {http.StatusForbidden, "Cannot edit a message authored by another user"},
	50006:  {http.StatusBadRequest, "Cannot send an empty message"},
	50007:  {http.StatusForbidden, "Cannot send messages to this user"},
	50008:  {http.StatusBadRequest, "Cannot send messages in a non-text channel"},
	50013:  {http.StatusForbidden, "Missing Permissions"},
	50016:  {http.StatusBadRequest, "You must provide at least 2 and fewer than 100 messages to delete."},
	50024:  {http.StatusBadRequest, "Cannot execute action on this channel type"},
	50027:  {http.StatusUnauthorized, "Invalid Webhook Token"},
	50034:  {http.StatusBadRequest, "A message provided was too old to bulk delete."},
	50035:  {http.StatusBadRequest, "Invalid Form Body"},
	50055:  {http.StatusBadRequest, "Invalid Guild"},
	50109:  {http.StatusBadRequest, "The request body contains invalid JSON."},
	160004: {http.StatusBadRequest, "A thread has already been created for this message"},
}

// discordError returns the error for a JSON error code of discordErrors.
func discordError(code int) *apiError {
	e, ok := discordErrors[code]
	if !ok {
		panic(fmt.Sprintf("discordtest: error code %d is not in the table", code))
	}
	return &apiError{status: e.status, Code: code, Message: e.message}
}

// formError is 50035 Invalid Form Body with the nested errors.
func formError(errs []fieldError) *apiError {
	e := discordError(50035)
	e.Errors = errorTree(errs)
	return e
}

// fieldFail is 50035 with one error at a field path.
func fieldFail(code, message string, path ...string) *apiError {
	return formError([]fieldError{{path: path, code: code, message: message}})
}

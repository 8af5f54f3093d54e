package discord

// Status is a user's presence status.
type Status string

// Values of Status.
const (
	StatusOnline Status = "online"
	// StatusDND is "do not disturb".
	StatusDND  Status = "dnd"
	StatusIdle Status = "idle"
	// StatusInvisible is only sent: others see an invisible user as offline.
	StatusInvisible Status = "invisible"
	StatusOffline   Status = "offline"
)

// Presence is a user's status and activities in a guild, as PRESENCE_UPDATE
// and GUILD_CREATE carry it.
type Presence struct {
	// User is partial: only ID is always set.
	User         User         `json:"user"`
	GuildID      Snowflake    `json:"guild_id,omitzero"`
	Status       Status       `json:"status"`
	Activities   []Activity   `json:"activities"`
	ClientStatus ClientStatus `json:"client_status"`
}

// ClientStatus is a user's status on each platform; a platform the user is
// not on is empty.
type ClientStatus struct {
	Desktop Status `json:"desktop,omitzero"`
	Mobile  Status `json:"mobile,omitzero"`
	Web     Status `json:"web,omitzero"`
}

// Activity is what a user is doing: playing, streaming, listening, watching,
// a custom status or competing. Bots may only set Name, Type, State and URL.
type Activity struct {
	Name string       `json:"name"`
	Type ActivityType `json:"type"`
	// URL is the stream URL of a streaming activity (Twitch or YouTube).
	URL string `json:"url,omitzero"`
	// CreatedAt is when the activity was added to the session, in Unix
	// milliseconds.
	CreatedAt         int64               `json:"created_at,omitzero"`
	Timestamps        *ActivityTimestamps `json:"timestamps,omitzero"`
	ApplicationID     Snowflake           `json:"application_id,omitzero"`
	StatusDisplayType StatusDisplayType   `json:"status_display_type,omitzero"`
	Details           string              `json:"details,omitzero"`
	DetailsURL        string              `json:"details_url,omitzero"`
	// State is the party status, or the text of a custom status.
	State    string           `json:"state,omitzero"`
	StateURL string           `json:"state_url,omitzero"`
	Emoji    *Emoji           `json:"emoji,omitzero"`
	Party    *ActivityParty   `json:"party,omitzero"`
	Assets   *ActivityAssets  `json:"assets,omitzero"`
	Secrets  *ActivitySecrets `json:"secrets,omitzero"`
	Instance bool             `json:"instance,omitzero"`
	Flags    ActivityFlags    `json:"flags,omitzero"`
	// Buttons are the labels of the activity's buttons (at most 2); their
	// URLs are not sent to bots.
	Buttons []string `json:"buttons,omitzero"`
}

// ActivityTimestamps are the start and end of an activity, in Unix
// milliseconds.
type ActivityTimestamps struct {
	Start int64 `json:"start,omitzero"`
	End   int64 `json:"end,omitzero"`
}

// ActivityParty is the party of an activity: its ID and [current, max] size.
type ActivityParty struct {
	ID   string `json:"id,omitzero"`
	Size []int  `json:"size,omitzero"`
}

// ActivityAssets are the images of a rich presence activity and their hover
// texts.
type ActivityAssets struct {
	LargeImage       string `json:"large_image,omitzero"`
	LargeText        string `json:"large_text,omitzero"`
	LargeURL         string `json:"large_url,omitzero"`
	SmallImage       string `json:"small_image,omitzero"`
	SmallText        string `json:"small_text,omitzero"`
	SmallURL         string `json:"small_url,omitzero"`
	InviteCoverImage string `json:"invite_cover_image,omitzero"`
}

// ActivitySecrets are the secrets for joining and spectating a rich presence
// activity.
type ActivitySecrets struct {
	Join     string `json:"join,omitzero"`
	Spectate string `json:"spectate,omitzero"`
	Match    string `json:"match,omitzero"`
}

// UnavailableGuild is a guild Discord cannot deliver yet (an outage), or one
// the bot left, as READY, GUILD_CREATE and GUILD_DELETE carry it.
type UnavailableGuild struct {
	ID          Snowflake `json:"id"`
	Unavailable bool      `json:"unavailable,omitzero"`
}

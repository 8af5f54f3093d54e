package discordtest

import (
	"sync"
	"time"

	"github.com/cordage/cordage/discord"
)

// world is the emulator's in-memory state. Every access holds mu.
type world struct {
	mu       sync.Mutex
	lastID   discord.Snowflake
	bot      discord.User
	app      discord.Application
	users    map[discord.Snowflake]*discord.User
	guilds   map[discord.Snowflake]*guildState
	order    []discord.Snowflake // guild IDs in creation order
	channels map[discord.Snowflake]*channelState

	// The REST side's state; see rest_world.go.
	botPermissions discord.Permissions // of the bot's managed role in new guilds
	rest           restWorld
}

type guildState struct {
	guild       discord.Guild
	members     map[discord.Snowflake]*discord.Member
	memberOrder []discord.Snowflake
	channels    []discord.Snowflake
	bans        map[discord.Snowflake]discord.Ban
}

type channelState struct {
	channel   discord.Channel
	messages  []*discord.Message // in ID order
	pins      map[discord.Snowflake]time.Time
	reactions map[discord.Snowflake][]*reaction // by message ID
}

func newWorld(now time.Time) *world {
	w := &world{
		users:    map[discord.Snowflake]*discord.User{},
		guilds:   map[discord.Snowflake]*guildState{},
		channels: map[discord.Snowflake]*channelState{},
		lastID:   discord.SnowflakeFromTime(now),
		rest:     newRESTWorld(),
	}
	w.bot = discord.User{ID: w.newID(), Username: "cordage-test-bot", Discriminator: "0", Bot: true}
	w.users[w.bot.ID] = &w.bot
	w.app = discord.Application{ID: w.newID(), Name: "cordage test application", Bot: &w.bot}
	return w
}

// newID returns a fresh snowflake, later than every earlier one.
func (w *world) newID() discord.Snowflake {
	id := discord.SnowflakeFromTime(time.Now())
	if id <= w.lastID {
		id = w.lastID + 1
	}
	w.lastID = id
	return id
}

// fullGuild assembles a guild as GUILD_CREATE sends it.
func (w *world) fullGuild(id discord.Snowflake) (guildCreate, bool) {
	g, ok := w.guilds[id]
	if !ok {
		return guildCreate{}, false
	}
	gc := guildCreate{Guild: g.guild, MemberCount: len(g.members), JoinedAt: g.guild.ID.Time()}
	for _, uid := range g.memberOrder {
		gc.Members = append(gc.Members, *g.members[uid])
	}
	gc.Threads = []discord.Channel{}
	for _, cid := range g.channels {
		c := w.channels[cid].channel
		if isThread(c.Type) {
			gc.Threads = append(gc.Threads, c)
			continue
		}
		c.GuildID = 0 // GUILD_CREATE leaves guild_id out of its channels
		gc.Channels = append(gc.Channels, c)
	}
	gc.VoiceStates = []discord.VoiceState{}
	gc.Presences = []discord.Presence{}
	gc.StageInstances = []discord.StageInstance{}
	gc.ScheduledEvents = []discord.ScheduledEvent{}
	gc.SoundboardSounds = []discord.SoundboardSound{}
	return gc, true
}

// guildCreate is the payload of GUILD_CREATE: a guild and its extra fields.
type guildCreate struct {
	discord.Guild
	JoinedAt         time.Time                 `json:"joined_at"`
	Large            bool                      `json:"large"`
	Unavailable      bool                      `json:"unavailable"`
	MemberCount      int                       `json:"member_count"`
	VoiceStates      []discord.VoiceState      `json:"voice_states"`
	Members          []discord.Member          `json:"members"`
	Channels         []discord.Channel         `json:"channels"`
	Threads          []discord.Channel         `json:"threads"`
	Presences        []discord.Presence        `json:"presences"`
	StageInstances   []discord.StageInstance   `json:"stage_instances"`
	ScheduledEvents  []discord.ScheduledEvent  `json:"guild_scheduled_events"`
	SoundboardSounds []discord.SoundboardSound `json:"soundboard_sounds"`
}

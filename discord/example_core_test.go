package discord_test

import (
	"encoding/json"
	"fmt"

	"github.com/cordage/cordage/discord"
)

func ExampleParseColor() {
	c, err := discord.ParseColor("#f80")
	if err != nil {
		fmt.Println(err)
		return
	}
	r, g, b := c.RGB()
	fmt.Println(c, r, g, b)

	body, _ := json.Marshal(map[string]discord.Color{"color": discord.ColorBlurple})
	fmt.Println(string(body))

	_, err = discord.ParseColor("orange")
	fmt.Println(err)
	// Output:
	// #ff8800 255 136 0
	// {"color":5793266}
	// discord: parse color "orange": want hex digits as #rrggbb, rrggbb, 0xrrggbb or #rgb
}

func ExamplePermissions() {
	perms := discord.PermissionViewChannel.Add(discord.PermissionSendMessages, discord.PermissionEmbedLinks)
	fmt.Println(perms)
	fmt.Println(perms.Has(discord.PermissionViewChannel | discord.PermissionSendMessages))
	fmt.Println(perms.Has(discord.PermissionBanMembers))

	// Discord sends permissions as a decimal string.
	var role struct {
		Permissions discord.Permissions `json:"permissions"`
	}
	_ = json.Unmarshal([]byte(`{"permissions":"3072"}`), &role)
	fmt.Println(role.Permissions.Names())
	// Output:
	// VIEW_CHANNEL|SEND_MESSAGES|EMBED_LINKS
	// true
	// false
	// [VIEW_CHANNEL SEND_MESSAGES]
}

func ExampleSnowflake() {
	var msg struct {
		ID discord.Snowflake `json:"id"`
	}
	_ = json.Unmarshal([]byte(`{"id":"175928847299117063"}`), &msg)
	fmt.Println(msg.ID)
	fmt.Println(msg.ID.Time().Format("2006-01-02T15:04:05.000Z07:00"))

	body, _ := json.Marshal(msg)
	fmt.Println(string(body))
	// Output:
	// 175928847299117063
	// 2016-04-30T11:18:25.796Z
	// {"id":"175928847299117063"}
}

func ExampleOptional() {
	// A request body: an Optional left at its zero value is left out, Null
	// clears the field, Some sets it.
	type editChannel struct {
		Name  discord.Optional[string] `json:"name,omitzero"`
		Topic discord.Optional[string] `json:"topic,omitzero"`
		NSFW  discord.Optional[bool]   `json:"nsfw,omitzero"`
	}
	body, _ := json.Marshal(editChannel{
		Topic: discord.Null[string](),
		NSFW:  discord.Some(false),
	})
	fmt.Println(string(body))
	// Output:
	// {"topic":null,"nsfw":false}
}

func ExampleUserAvatarURL() {
	url, err := discord.UserAvatarURL(80351110224678912, "a_1269e74af4df7417b13759eae50c83dc",
		discord.ImageOptions{Size: 256})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(url)

	_, err = discord.UserAvatarURL(80351110224678912, "1269e74af4df7417b13759eae50c83dc",
		discord.ImageOptions{Size: 100})
	fmt.Println(err)
	// Output:
	// https://cdn.discordapp.com/avatars/80351110224678912/a_1269e74af4df7417b13759eae50c83dc.webp?size=256&animated=true
	// discord: user avatar URL: size 100 is not a power of two from 16 to 4096
}

func ExampleFormatTimestamp() {
	fmt.Println(discord.FormatTimestamp(discord.Snowflake(175928847299117063).Time(), discord.TimestampRelative))
	// Output:
	// <t:1462015105:R>
}

module github.com/cordage/cordage/benchmarks

go 1.26

replace github.com/cordage/cordage => ../

require (
	github.com/bwmarrin/discordgo v0.29.0
	github.com/cordage/cordage v0.0.0
	github.com/diamondburned/arikawa/v3 v3.6.0
	github.com/disgoorg/disgo v0.18.15
	github.com/disgoorg/snowflake/v2 v2.0.3
	github.com/go-json-experiment/json v1.27.2
	github.com/klauspost/compress v1.20.3
)

require (
	github.com/coder/websocket v1.8.15 // indirect
	github.com/disgoorg/json v1.2.0 // indirect
	github.com/gorilla/schema v1.4.1 // indirect
	github.com/gorilla/websocket v1.5.3 // indirect
	github.com/sasha-s/go-csync v0.0.0-20240107134140-fcbab37b09ad // indirect
	golang.org/x/crypto v0.32.0 // indirect
	golang.org/x/sys v0.29.0 // indirect
	golang.org/x/time v0.10.0 // indirect
)

module github.com/cordage/cordage

go 1.26

require (
	github.com/coder/websocket v1.8.15
	github.com/klauspost/compress v1.20.3
)

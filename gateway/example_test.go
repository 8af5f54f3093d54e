package gateway_test

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"log"

	"github.com/cordage/cordage/gateway"
)

func ExampleIntents() {
	intents := gateway.IntentGuilds | gateway.IntentGuildMessages | gateway.IntentMessageContent
	fmt.Println(intents)
	fmt.Println("privileged:", intents.Privileged())
	fmt.Println("delivers MESSAGE_CREATE:", !gateway.EventNeedsIntent("MESSAGE_CREATE", intents))
	fmt.Println("delivers PRESENCE_UPDATE:", !gateway.EventNeedsIntent("PRESENCE_UPDATE", intents))
	fmt.Println("PRESENCE_UPDATE needs:", gateway.EventIntents("PRESENCE_UPDATE"))
	// Output:
	// GUILDS|GUILD_MESSAGES|MESSAGE_CONTENT
	// privileged: MESSAGE_CONTENT
	// delivers MESSAGE_CREATE: true
	// delivers PRESENCE_UPDATE: false
	// PRESENCE_UPDATE needs: GUILD_PRESENCES
}

func ExampleNewDecompressor() {
	// What Discord sends with compress=zlib-stream: one stream, flushed
	// after each payload.
	var stream bytes.Buffer
	w := zlib.NewWriter(&stream)
	var messages [][]byte
	for _, payload := range []string{`{"op":10,"d":{"heartbeat_interval":41250}}`, `{"op":11}`} {
		w.Write([]byte(payload))
		w.Flush()
		messages = append(messages, bytes.Clone(stream.Bytes()))
		stream.Reset()
	}
	// The first payload arrives in two WebSocket messages.
	messages = [][]byte{messages[0][:5], messages[0][5:], messages[1]}

	d, err := gateway.NewDecompressor(gateway.CompressionZlib)
	if err != nil {
		log.Fatal(err)
	}
	defer d.Close()
	for _, msg := range messages {
		payload, complete, err := d.Decode(msg)
		if err != nil {
			log.Fatal(err) // the stream is broken: reconnect
		}
		if complete {
			fmt.Printf("%s\n", payload)
		}
	}
	// Output:
	// {"op":10,"d":{"heartbeat_interval":41250}}
	// {"op":11}
}

package rest_test

import (
	"context"
	"errors"
	"net/url"
	"testing"
	"time"

	"github.com/cordage/cordage/discord"
	"github.com/cordage/cordage/rest"
)

func TestQueryOptionsAreEncodedAsTheSpecNamesThem(t *testing.T) {
	srv, c, g := setup(t, rest.WithRetries(0))
	ctx := context.Background()
	sent := func() url.Values {
		t.Helper()
		reqs := srv.Requests()
		if len(reqs) == 0 {
			t.Fatal("the emulator saw no request")
		}
		return reqs[len(reqs)-1].Query
	}
	tests := []struct {
		name string
		call func() error
		want url.Values
	}{
		{"nil options send no query", func() error {
			_, err := c.Messages.List(ctx, g.SystemChannelID, nil)
			return err
		}, url.Values{}},
		{"zero values are left out", func() error {
			_, err := c.Messages.List(ctx, g.SystemChannelID, &rest.ListMessagesOptions{Before: 99, Limit: 7})
			return err
		}, url.Values{"before": {"99"}, "limit": {"7"}}},
		{"a plain bool is sent when true", func() error {
			_, err := c.Guilds.Get(ctx, g.ID, &rest.GetGuildOptions{WithCounts: true})
			return err
		}, url.Values{"with_counts": {"true"}}},
		{"an optional bool sends false", func() error {
			_, err := c.Entitlements.List(ctx, 5, &rest.ListEntitlementsOptions{ExcludeDeleted: discord.Some(false), SKUIDs: []discord.Snowflake{1, 2}})
			return err
		}, url.Values{"exclude_deleted": {"false"}, "sku_ids": {"1,2"}}},
		{"an array repeats its key", func() error {
			_, err := c.ScheduledEvents.CountUsers(ctx, g.ID, 8, &rest.CountGuildScheduledEventUsersOptions{GuildScheduledEventExceptionIDs: []discord.Snowflake{3, 4}})
			return err
		}, url.Values{"guild_scheduled_event_exception_ids": {"3", "4"}}},
		{"a time is RFC 3339", func() error {
			_, err := c.Threads.ListPublicArchived(ctx, g.SystemChannelID, &rest.ListPublicArchivedThreadsOptions{Before: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)})
			return err
		}, url.Values{"before": {"2026-01-02T03:04:05Z"}}},
		{"an enum is its value", func() error {
			_, err := c.AuditLogs.Get(ctx, g.ID, &rest.ListGuildAuditLogEntriesOptions{ActionType: discord.AuditLogEvent(22)})
			return err
		}, url.Values{"action_type": {"22"}}},
		{"WithQuery adds to the options", func() error {
			_, err := c.Members.Search(ctx, g.ID, &rest.SearchGuildMembersOptions{Query: "ab"}, rest.WithQuery("extra", "1"))
			return err
		}, url.Values{"query": {"ab"}, "extra": {"1"}}},
	}
	for _, tt := range tests {
		srv.ClearRequests()
		err := tt.call()
		var apiErr *rest.Error
		if err != nil && !errors.As(err, &apiErr) {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if got := sent(); got.Encode() != tt.want.Encode() {
			t.Errorf("%s: sent %q, want %q", tt.name, got.Encode(), tt.want.Encode())
		}
	}
}

func TestInvalidQueryOptionsAreNeverSent(t *testing.T) {
	srv, c, g := setup(t)
	ctx := context.Background()
	calls := map[string]func() error{
		"required parameter in nil options": func() error {
			_, err := c.Members.Search(ctx, g.ID, nil)
			return err
		},
		"required parameter left empty": func() error {
			_, err := c.Members.Search(ctx, g.ID, &rest.SearchGuildMembersOptions{Limit: 5})
			return err
		},
		"limit above the spec's maximum": func() error {
			_, err := c.Messages.List(ctx, g.SystemChannelID, &rest.ListMessagesOptions{Limit: 101})
			return err
		},
		"limit below the spec's minimum": func() error {
			_, err := c.Threads.ListPublicArchived(ctx, g.SystemChannelID, &rest.ListPublicArchivedThreadsOptions{Limit: 1})
			return err
		},
		"too many values": func() error {
			_, err := c.ScheduledEvents.CountUsers(ctx, g.ID, 8, &rest.CountGuildScheduledEventUsersOptions{GuildScheduledEventExceptionIDs: make([]discord.Snowflake, 11)})
			return err
		},
	}
	for name, call := range calls {
		srv.ClearRequests()
		if err := call(); !errors.Is(err, rest.ErrInvalidQuery) {
			t.Errorf("%s: %v, want ErrInvalidQuery", name, err)
		}
		if n := len(srv.Requests()); n != 0 {
			t.Errorf("%s: %d requests sent", name, n)
		}
	}
}

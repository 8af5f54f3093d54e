package rest

import (
	"cmp"
	"context"
	"fmt"
	"iter"
	"slices"
	"time"

	"github.com/cordage/cordage/discord"
)

// pages yields the items of page after page: fetch gets the page at cursor
// and returns the cursor of the next page and whether there may be one.
func pages[T, C any](ctx context.Context, cursor C, fetch func(C) ([]T, C, bool, error)) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var zero T
		for {
			if err := ctx.Err(); err != nil {
				yield(zero, err)
				return
			}
			page, next, more, err := fetch(cursor)
			if err != nil {
				yield(zero, err)
				return
			}
			for _, v := range page {
				if !yield(v, nil) {
					return
				}
			}
			if !more || len(page) == 0 {
				return
			}
			cursor = next
		}
	}
}

// walk is the direction of a walk over items ordered by snowflake.
type walk struct {
	backward bool // newest first, with before; otherwise oldest first, with after
	size     int  // items asked for per page
}

// newWalk picks the direction from the options' cursors: before walks
// backward, after forward, neither the route's natural way. It fails when
// both are set.
func newWalk(before, after discord.Snowflake, limit, max int, backwardByDefault bool) (walk, discord.Snowflake, error) {
	w := walk{backward: backwardByDefault, size: cmp.Or(limit, max)}
	switch {
	case before != 0 && after != 0:
		return w, 0, fmt.Errorf("%w: paginate with before or after, not both", ErrInvalidQuery)
	case before != 0:
		w.backward = true
		return w, before, nil
	case after != 0:
		w.backward = false
		return w, after, nil
	}
	return w, 0, nil
}

// order sorts a page in the walk's direction and returns the cursor of the
// next page: the ID of the last item.
func order[T any](w walk, page []T, id func(T) discord.Snowflake) ([]T, discord.Snowflake, bool) {
	slices.SortFunc(page, func(a, b T) int {
		if w.backward {
			return cmp.Compare(id(b), id(a))
		}
		return cmp.Compare(id(a), id(b))
	})
	if len(page) == 0 {
		return page, 0, false
	}
	return page, id(page[len(page)-1]), len(page) >= w.size
}

// fail is an iterator that yields err once.
func fail[T any](err error) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var zero T
		yield(zero, err)
	}
}

func userID(u *discord.User) discord.Snowflake {
	if u == nil {
		return 0
	}
	return u.ID
}

// All walks the messages of a channel: newest first, from the newest or
// from before query.Before, or oldest first from after query.After. Around
// cannot be paginated.
func (x *MessagesResource) All(ctx context.Context, channelID discord.Snowflake, query *ListMessagesOptions, opts ...RequestOption) iter.Seq2[discord.Message, error] {
	q := deref(query)
	if q.Around != 0 {
		return fail[discord.Message](fmt.Errorf("rest: %s: %w: around cannot be paginated", RouteListMessages, ErrInvalidQuery))
	}
	w, start, err := newWalk(q.Before, q.After, q.Limit, 100, true)
	if err != nil {
		return fail[discord.Message](fmt.Errorf("rest: %s: %w", RouteListMessages, err))
	}
	return pages(ctx, start, func(cursor discord.Snowflake) ([]discord.Message, discord.Snowflake, bool, error) {
		q.Before, q.After, q.Limit = w.cursors(cursor)
		page, err := x.List(ctx, channelID, &q, opts...)
		return paged(w, page, err, func(m discord.Message) discord.Snowflake { return m.ID })
	})
}

// All walks the members of a guild in the order of their user IDs, from
// after query.After.
func (x *MembersResource) All(ctx context.Context, guildID discord.Snowflake, query *ListGuildMembersOptions, opts ...RequestOption) iter.Seq2[discord.Member, error] {
	q := deref(query)
	w, start, _ := newWalk(0, q.After, q.Limit, 1000, false)
	return pages(ctx, start, func(cursor discord.Snowflake) ([]discord.Member, discord.Snowflake, bool, error) {
		q.After, q.Limit = cursor, w.size
		page, err := x.List(ctx, guildID, &q, opts...)
		return paged(w, page, err, func(m discord.Member) discord.Snowflake { return userID(m.User) })
	})
}

// All walks the bans of a guild by user ID: ascending from the start or from
// after query.After, or descending from before query.Before.
func (x *BansResource) All(ctx context.Context, guildID discord.Snowflake, query *ListGuildBansOptions, opts ...RequestOption) iter.Seq2[discord.Ban, error] {
	q := deref(query)
	w, start, err := newWalk(q.Before, q.After, q.Limit, 1000, false)
	if err != nil {
		return fail[discord.Ban](fmt.Errorf("rest: %s: %w", RouteListGuildBans, err))
	}
	return pages(ctx, start, func(cursor discord.Snowflake) ([]discord.Ban, discord.Snowflake, bool, error) {
		q.Before, q.After, q.Limit = w.cursors(cursor)
		page, err := x.List(ctx, guildID, &q, opts...)
		return paged(w, page, err, func(b discord.Ban) discord.Snowflake { return b.User.ID })
	})
}

// AllEntries walks the entries of a guild's audit log, filtered by query's
// user, target and action type: newest first, from the newest or from
// before query.Before, or oldest first from after query.After. The users,
// webhooks and other objects the entries refer to come with Get.
func (x *AuditLogsResource) AllEntries(ctx context.Context, guildID discord.Snowflake, query *ListGuildAuditLogEntriesOptions, opts ...RequestOption) iter.Seq2[discord.AuditLogEntry, error] {
	q := deref(query)
	w, start, err := newWalk(q.Before, q.After, q.Limit, 100, true)
	if err != nil {
		return fail[discord.AuditLogEntry](fmt.Errorf("rest: %s: %w", RouteListGuildAuditLogEntries, err))
	}
	return pages(ctx, start, func(cursor discord.Snowflake) ([]discord.AuditLogEntry, discord.Snowflake, bool, error) {
		q.Before, q.After, q.Limit = w.cursors(cursor)
		log, err := x.Get(ctx, guildID, &q, opts...)
		var page []discord.AuditLogEntry
		if log != nil {
			page = log.AuditLogEntries
		}
		return paged(w, page, err, func(e discord.AuditLogEntry) discord.Snowflake { return e.ID })
	})
}

// All walks the users who reacted to a message with an emoji, by user ID,
// from after query.After.
func (x *ReactionsResource) All(ctx context.Context, channelID, messageID discord.Snowflake, emojiName string, query *ListMessageReactionsOptions, opts ...RequestOption) iter.Seq2[discord.User, error] {
	q := deref(query)
	w, start, _ := newWalk(0, q.After, q.Limit, 100, false)
	return pages(ctx, start, func(cursor discord.Snowflake) ([]discord.User, discord.Snowflake, bool, error) {
		q.After, q.Limit = cursor, w.size
		page, err := x.List(ctx, channelID, messageID, emojiName, &q, opts...)
		return paged(w, page, err, func(u discord.User) discord.Snowflake { return u.ID })
	})
}

// AllAnswerVoters walks the users who voted for an answer of a poll, by
// user ID, from after query.After.
func (x *PollsResource) AllAnswerVoters(ctx context.Context, channelID, messageID, answerID discord.Snowflake, query *GetPollAnswerVotersOptions, opts ...RequestOption) iter.Seq2[discord.User, error] {
	q := deref(query)
	w, start, _ := newWalk(0, q.After, q.Limit, 100, false)
	return pages(ctx, start, func(cursor discord.Snowflake) ([]discord.User, discord.Snowflake, bool, error) {
		q.After, q.Limit = cursor, w.size
		voters, err := x.ListAnswerVoters(ctx, channelID, messageID, answerID, &q, opts...)
		var page []discord.User
		if voters != nil {
			page = voters.Users
		}
		return paged(w, page, err, func(u discord.User) discord.Snowflake { return u.ID })
	})
}

// AllGuilds walks the guilds of the current user by ID: ascending from the
// start or from after query.After, or descending from before query.Before.
func (x *UsersResource) AllGuilds(ctx context.Context, query *ListCurrentUserGuildsOptions, opts ...RequestOption) iter.Seq2[discord.Guild, error] {
	q := deref(query)
	w, start, err := newWalk(q.Before, q.After, q.Limit, 200, false)
	if err != nil {
		return fail[discord.Guild](fmt.Errorf("rest: %s: %w", RouteListCurrentUserGuilds, err))
	}
	return pages(ctx, start, func(cursor discord.Snowflake) ([]discord.Guild, discord.Snowflake, bool, error) {
		q.Before, q.After, q.Limit = w.cursors(cursor)
		page, err := x.ListGuilds(ctx, &q, opts...)
		return paged(w, page, err, func(g discord.Guild) discord.Snowflake { return g.ID })
	})
}

// All walks the entitlements of an application, filtered by query's user,
// guild and SKUs: ascending by ID from the start or from after query.After,
// or descending from before query.Before.
func (x *EntitlementsResource) All(ctx context.Context, applicationID discord.Snowflake, query *ListEntitlementsOptions, opts ...RequestOption) iter.Seq2[discord.Entitlement, error] {
	q := deref(query)
	w, start, err := newWalk(q.Before, q.After, q.Limit, 100, false)
	if err != nil {
		return fail[discord.Entitlement](fmt.Errorf("rest: %s: %w", RouteListEntitlements, err))
	}
	return pages(ctx, start, func(cursor discord.Snowflake) ([]discord.Entitlement, discord.Snowflake, bool, error) {
		q.Before, q.After, q.Limit = w.cursors(cursor)
		page, err := x.List(ctx, applicationID, &q, opts...)
		return paged(w, page, err, func(e discord.Entitlement) discord.Snowflake { return e.ID })
	})
}

// All walks the subscriptions to a SKU, filtered by query's user: ascending
// by ID from the start or from after query.After, or descending from before
// query.Before.
func (x *SubscriptionsResource) All(ctx context.Context, skuID discord.Snowflake, query *ListSKUSubscriptionsOptions, opts ...RequestOption) iter.Seq2[discord.Subscription, error] {
	q := deref(query)
	w, start, err := newWalk(q.Before, q.After, q.Limit, 100, false)
	if err != nil {
		return fail[discord.Subscription](fmt.Errorf("rest: %s: %w", RouteListSKUSubscriptions, err))
	}
	return pages(ctx, start, func(cursor discord.Snowflake) ([]discord.Subscription, discord.Snowflake, bool, error) {
		q.Before, q.After, q.Limit = w.cursors(cursor)
		page, err := x.List(ctx, skuID, &q, opts...)
		return paged(w, page, err, func(s discord.Subscription) discord.Snowflake { return s.ID })
	})
}

func scheduledEventUserID(u discord.ScheduledEventUser) discord.Snowflake {
	return cmp.Or(u.UserID, userID(u.User))
}

// AllUsers walks the users interested in a scheduled event by user ID:
// ascending from the start or from after query.After, or descending from
// before query.Before.
func (x *ScheduledEventsResource) AllUsers(ctx context.Context, guildID, eventID discord.Snowflake, query *ListGuildScheduledEventUsersOptions, opts ...RequestOption) iter.Seq2[discord.ScheduledEventUser, error] {
	q := deref(query)
	w, start, err := newWalk(q.Before, q.After, q.Limit, 100, false)
	if err != nil {
		return fail[discord.ScheduledEventUser](fmt.Errorf("rest: %s: %w", RouteListGuildScheduledEventUsers, err))
	}
	return pages(ctx, start, func(cursor discord.Snowflake) ([]discord.ScheduledEventUser, discord.Snowflake, bool, error) {
		q.Before, q.After, q.Limit = w.cursors(cursor)
		page, err := x.ListUsers(ctx, guildID, eventID, &q, opts...)
		return paged(w, page, err, scheduledEventUserID)
	})
}

// AllExceptionUsers walks the users interested in one occurrence (an
// exception) of a recurring scheduled event, like AllUsers.
func (x *ScheduledEventsResource) AllExceptionUsers(ctx context.Context, guildID, eventID, exceptionID discord.Snowflake, query *ListGuildScheduledEventExceptionUsersOptions, opts ...RequestOption) iter.Seq2[discord.ScheduledEventUser, error] {
	q := deref(query)
	w, start, err := newWalk(q.Before, q.After, q.Limit, 100, false)
	if err != nil {
		return fail[discord.ScheduledEventUser](fmt.Errorf("rest: %s: %w", RouteListGuildScheduledEventExceptionUsers, err))
	}
	return pages(ctx, start, func(cursor discord.Snowflake) ([]discord.ScheduledEventUser, discord.Snowflake, bool, error) {
		q.Before, q.After, q.Limit = w.cursors(cursor)
		page, err := x.ListExceptionUsers(ctx, guildID, eventID, exceptionID, &q, opts...)
		return paged(w, page, err, scheduledEventUserID)
	})
}

// AllMembers walks the members of a thread by user ID, from after
// query.After.
func (x *ThreadsResource) AllMembers(ctx context.Context, channelID discord.Snowflake, query *ListThreadMembersOptions, opts ...RequestOption) iter.Seq2[discord.ThreadMember, error] {
	q := deref(query)
	w, start, _ := newWalk(0, q.After, q.Limit, 100, false)
	return pages(ctx, start, func(cursor discord.Snowflake) ([]discord.ThreadMember, discord.Snowflake, bool, error) {
		q.After, q.Limit = cursor, w.size
		page, err := x.ListMembers(ctx, channelID, &q, opts...)
		return paged(w, page, err, func(m discord.ThreadMember) discord.Snowflake { return m.UserID })
	})
}

// AllPublicArchived walks the archived public threads of a channel, most
// recently archived first, from before query.Before.
func (x *ThreadsResource) AllPublicArchived(ctx context.Context, channelID discord.Snowflake, query *ListPublicArchivedThreadsOptions, opts ...RequestOption) iter.Seq2[discord.Channel, error] {
	q := deref(query)
	return pages(ctx, q.Before, func(cursor time.Time) ([]discord.Channel, time.Time, bool, error) {
		q.Before = cursor
		list, err := x.ListPublicArchived(ctx, channelID, &q, opts...)
		return archived(list, err)
	})
}

// AllPrivateArchived walks the archived private threads of a channel, most
// recently archived first, from before query.Before.
func (x *ThreadsResource) AllPrivateArchived(ctx context.Context, channelID discord.Snowflake, query *ListPrivateArchivedThreadsOptions, opts ...RequestOption) iter.Seq2[discord.Channel, error] {
	q := deref(query)
	return pages(ctx, q.Before, func(cursor time.Time) ([]discord.Channel, time.Time, bool, error) {
		q.Before = cursor
		list, err := x.ListPrivateArchived(ctx, channelID, &q, opts...)
		return archived(list, err)
	})
}

// AllJoinedPrivateArchived walks the archived private threads of a channel
// that the current user has joined, newest first, from before query.Before.
func (x *ThreadsResource) AllJoinedPrivateArchived(ctx context.Context, channelID discord.Snowflake, query *ListJoinedPrivateArchivedThreadsOptions, opts ...RequestOption) iter.Seq2[discord.Channel, error] {
	q := deref(query)
	return pages(ctx, q.Before, func(cursor discord.Snowflake) ([]discord.Channel, discord.Snowflake, bool, error) {
		q.Before = cursor
		list, err := x.ListJoinedPrivateArchived(ctx, channelID, &q, opts...)
		if err != nil || len(list.Threads) == 0 {
			return nil, 0, false, err
		}
		last := list.Threads[len(list.Threads)-1]
		return list.Threads, last.ID, list.HasMore, nil
	})
}

// AllPins walks the pinned messages of a channel, most recently pinned
// first, from before query.Before.
func (x *MessagesResource) AllPins(ctx context.Context, channelID discord.Snowflake, query *ListPinsOptions, opts ...RequestOption) iter.Seq2[discord.PinnedMessage, error] {
	q := deref(query)
	return pages(ctx, q.Before, func(cursor time.Time) ([]discord.PinnedMessage, time.Time, bool, error) {
		q.Before = cursor
		list, err := x.ListPins(ctx, channelID, &q, opts...)
		if err != nil || len(list.Items) == 0 {
			return nil, time.Time{}, false, err
		}
		return list.Items, list.Items[len(list.Items)-1].PinnedAt, list.HasMore, nil
	})
}

// archived reads a page of archived threads: the next page starts before
// the archive time of the last thread, and Discord says whether there is
// one.
func archived(list *discord.ThreadList, err error) ([]discord.Channel, time.Time, bool, error) {
	if err != nil || len(list.Threads) == 0 {
		return nil, time.Time{}, false, err
	}
	last := list.Threads[len(list.Threads)-1]
	if last.ThreadMetadata == nil {
		return list.Threads, time.Time{}, false, nil
	}
	return list.Threads, last.ThreadMetadata.ArchiveTimestamp, list.HasMore, nil
}

// cursors returns before, after and limit for the page at cursor.
func (w walk) cursors(cursor discord.Snowflake) (before, after discord.Snowflake, limit int) {
	if w.backward {
		return cursor, 0, w.size
	}
	return 0, cursor, w.size
}

// paged orders a fetched page for pages.
func paged[T any](w walk, page []T, err error, id func(T) discord.Snowflake) ([]T, discord.Snowflake, bool, error) {
	if err != nil {
		return nil, 0, false, err
	}
	page, next, more := order(w, page, id)
	return page, next, more, nil
}

// deref copies the options, so a walk never changes the caller's.
func deref[T any](p *T) T {
	if p == nil {
		var zero T
		return zero
	}
	return *p
}

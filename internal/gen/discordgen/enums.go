package main

import (
	"bufio"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
)

// enumSpec names one generated enum: the spec schema it comes from (if any),
// the table of Discord's docs whose values it also takes (if any), its Go name
// and its doc comment.
type enumSpec struct {
	Schema  string // schema in openapi.json, or ""
	Docs    string // "doc_file\ttable heading" in docs-enums.tsv, or ""
	Name    string
	Doc     string
	Flags   bool   // bit flags: constants are named <Singular><Name>
	Const   string // constant prefix; defaults to Name (Flags: Name without the trailing s)
	Kind    string // "int" or "string"; taken from the spec when Schema is set
	Comment string
}

// enums lists every enum and flag set of the data model. Enums the package
// writes by hand (components, locales, permissions) are not listed.
var enums = []enumSpec{
	{Schema: "ActivityActionTypes", Docs: "resources/message.mdx\tMessage Activity Types", Name: "MessageActivityType", Doc: "is the kind of activity invitation a rich-presence message carries."},
	{Schema: "AfkTimeouts", Name: "AFKTimeout", Doc: "is the number of seconds of inactivity after which a member moves to the AFK channel."},
	{Schema: "AllowedMentionTypes", Name: "AllowedMentionType", Doc: "is a kind of mention a message's allowed_mentions may parse."},
	{Schema: "ApplicationCommandHandler", Docs: "interactions/application-commands.mdx\tEntry Point Command Handler Types", Name: "EntryPointHandler", Doc: "says who handles a primary entry point command."},
	{Schema: "ApplicationCommandOptionType", Docs: "interactions/application-commands.mdx\tApplication Command Option Type", Name: "ApplicationCommandOptionType", Doc: "is the type of an application command option."},
	{Schema: "ApplicationCommandPermissionType", Docs: "interactions/application-commands.mdx\tApplication Command Permission Type", Name: "ApplicationCommandPermissionType", Doc: "is what an application command permission applies to."},
	{Schema: "ApplicationCommandType", Docs: "interactions/application-commands.mdx\tApplication Command Types", Name: "ApplicationCommandType", Doc: "is the kind of application command: slash, user, message or entry point."},
	{Schema: "ApplicationEventWebhooksStatus", Docs: "resources/application.mdx\tApplication Event Webhook Status", Name: "EventWebhookStatus", Doc: "is the state of an application's webhook events."},
	{Schema: "ApplicationExplicitContentFilterTypes", Name: "ApplicationContentFilter", Doc: "is an application's explicit content filter setting."},
	{Schema: "ApplicationIdentityProviderAuthType", Name: "IdentityProviderAuthType", Doc: "is the kind of external identity an application accepts for provisional accounts."},
	{Schema: "ApplicationIntegrationType", Docs: "resources/application.mdx\tApplication Integration Types", Name: "ApplicationIntegrationType", Doc: "is where an application can be installed: a guild or a user."},
	{Schema: "ApplicationTypes", Name: "ApplicationType", Doc: "is the kind of an application."},
	{Schema: "AuditLogActionTypes", Docs: "resources/audit-log.mdx\tAudit Log Events", Name: "AuditLogEvent", Doc: "is the kind of action an audit log entry records."},
	{Schema: "AuthorType", Name: "MessageSearchAuthorType", Doc: "filters a guild message search by the kind of author."},
	{Schema: "AutomodActionType", Docs: "resources/auto-moderation.mdx\tAction Types", Name: "AutoModerationActionType", Doc: "is what an auto moderation rule does when it triggers."},
	{Schema: "AutomodEventType", Name: "AutoModerationEventType", Doc: "is the event that makes an auto moderation rule check content."},
	{Schema: "AutomodKeywordPresetType", Name: "AutoModerationKeywordPreset", Doc: "is a word list Discord maintains for keyword preset rules."},
	{Schema: "AutomodTriggerType", Docs: "resources/auto-moderation.mdx\tTrigger Types", Name: "AutoModerationTriggerType", Doc: "is the kind of content an auto moderation rule checks."},
	{Schema: "ChannelPermissionOverwrites", Name: "PermissionOverwriteType", Doc: "says whether a permission overwrite applies to a role or a member."},
	{Schema: "ChannelTypes", Docs: "resources/channel.mdx\tChannel Types", Name: "ChannelType", Doc: "is the kind of a channel."},
	{Schema: "ConnectedAccountProviders", Name: "ConnectionService", Doc: "is the service of a user's connected account."},
	{Schema: "ConnectedAccountVisibility", Docs: "resources/user.mdx\tVisibility Types", Name: "ConnectionVisibility", Doc: "is who can see a user's connected account."},
	{Schema: "EmbeddedActivityLocationKind", Name: "ActivityLocationKind", Doc: "is where an embedded activity instance runs."},
	{Schema: "EntitlementOwnerTypes", Name: "EntitlementOwnerType", Doc: "says whether a test entitlement belongs to a guild or a user."},
	{Schema: "EntitlementTenantFulfillmentStatusResponse", Name: "FulfillmentStatus", Doc: "is the fulfillment state of an entitlement."},
	{Schema: "EntitlementTypes", Docs: "resources/entitlement.mdx\tEntitlement Types", Name: "EntitlementType", Doc: "is how an entitlement was acquired."},
	{Schema: "ForumLayout", Docs: "resources/channel.mdx\tForum Layout Types", Name: "ForumLayout", Doc: "is the default way a forum channel shows its posts."},
	{Schema: "GuildExplicitContentFilterTypes", Docs: "resources/guild.mdx\tExplicit Content Filter Level", Name: "ExplicitContentFilter", Doc: "is whose messages a guild scans for explicit media."},
	{Schema: "GuildFeatures", Name: "GuildFeature", Doc: "is a feature enabled for a guild."},
	{Schema: "GuildJoinRequestApplicationStatus", Name: "JoinRequestStatus", Doc: "is the state of a request to join a guild."},
	{Schema: "GuildMFALevel", Docs: "resources/guild.mdx\tMFA Level", Name: "MFALevel", Doc: "is a guild's two-factor requirement for moderation actions."},
	{Schema: "GuildMemberVerificationFormFieldType", Name: "VerificationFormFieldType", Doc: "is the kind of a field of a guild's membership screening form."},
	{Schema: "GuildNSFWContentLevel", Docs: "resources/guild.mdx\tGuild Age-Restriction Level", Name: "NSFWLevel", Doc: "is a guild's age-restriction level."},
	{Schema: "GuildOnboardingMode", Docs: "resources/guild.mdx\tOnboarding Mode", Name: "OnboardingMode", Doc: "is the criteria a guild's onboarding uses to count as complete."},
	{Schema: "GuildScheduledEventEntityTypes", Docs: "resources/guild-scheduled-event.mdx\tGuild Scheduled Event Entity Types", Name: "ScheduledEventEntityType", Doc: "is where a scheduled event takes place."},
	{Schema: "GuildScheduledEventPrivacyLevels", Name: "ScheduledEventPrivacyLevel", Doc: "is who can see a scheduled event."},
	{Schema: "GuildScheduledEventStatuses", Docs: "resources/guild-scheduled-event.mdx\tGuild Scheduled Event Status", Name: "ScheduledEventStatus", Doc: "is the state of a scheduled event."},
	{Schema: "GuildScheduledEventUserResponses", Name: "ScheduledEventUserResponse", Doc: "is a user's answer to a scheduled event."},
	{Schema: "HasOption", Name: "MessageSearchHas", Doc: "filters a guild message search by what messages contain."},
	{Schema: "IntegrationExpireBehaviorTypes", Docs: "resources/guild.mdx\tIntegration Expire Behaviors", Name: "IntegrationExpireBehavior", Doc: "is what happens to a member whose integration subscription expires."},
	{Schema: "IntegrationExpireGracePeriodTypes", Name: "IntegrationExpireGracePeriod", Doc: "is the number of days before an expired integration subscription takes effect."},
	{Schema: "IntegrationTypes", Name: "IntegrationType", Doc: "is the service of a guild integration."},
	{Schema: "InteractionCallbackTypes", Docs: "interactions/receiving-and-responding.mdx\tInteraction Callback Type", Name: "InteractionResponseType", Doc: "is the kind of response to an interaction."},
	{Schema: "InteractionContextType", Docs: "interactions/receiving-and-responding.mdx\tInteraction Context Types", Name: "InteractionContextType", Doc: "is where an interaction can be used: a guild, the bot's DM, or other DMs."},
	{Schema: "InteractionTypes", Docs: "interactions/receiving-and-responding.mdx\tInteraction Type", Name: "InteractionType", Doc: "is the kind of an interaction."},
	{Schema: "InviteTargetTypes", Docs: "resources/invite.mdx\tInvite Target Types", Name: "InviteTargetType", Doc: "is what a voice channel invite targets."},
	{Schema: "InviteTypes", Docs: "resources/invite.mdx\tInvite Types", Name: "InviteType", Doc: "is the kind of an invite."},
	{Schema: "MessageReferenceType", Docs: "resources/message.mdx\tMessage Reference Types", Name: "MessageReferenceType", Doc: "is how a message refers to another: a reply or a forward."},
	{Schema: "MessageShareCustomUserThemeBaseTheme", Docs: "resources/message.mdx\tBase Theme Types", Name: "BaseTheme", Doc: "is the base theme of a shared client theme."},
	{Schema: "MessageType", Docs: "resources/message.mdx\tMessage Types", Name: "MessageType", Doc: "is the kind of a message."},
	{Schema: "MetadataItemTypes", Docs: "resources/application-role-connection-metadata.mdx\tApplication Role Connection Metadata Type", Name: "RoleConnectionMetadataType", Doc: "is how a role connection metadata value compares with a guild's requirement."},
	{Schema: "NameplatePalette", Name: "NameplatePalette", Doc: "is the colour palette of a user's nameplate."},
	{Schema: "NewMemberActionType", Name: "NewMemberActionType", Doc: "is what a new member action of a guild's home asks the member to do."},
	{Schema: "OAuth2Scopes", Name: "OAuth2Scope", Doc: "is an OAuth2 scope."},
	{Schema: "OnboardingPromptType", Docs: "resources/guild.mdx\tPrompt Types", Name: "OnboardingPromptType", Doc: "is the kind of an onboarding prompt."},
	{Schema: "PollLayoutTypes", Name: "PollLayoutType", Doc: "is the layout of a poll."},
	{Schema: "PremiumGuildTiers", Docs: "resources/guild.mdx\tPremium Tier", Name: "PremiumTier", Doc: "is a guild's server boost level."},
	{Schema: "PremiumTypes", Docs: "resources/user.mdx\tPremium Types", Name: "PremiumType", Doc: "is a user's Nitro subscription."},
	{Schema: "PurchaseType", Name: "PurchaseType", Doc: "is the kind of a purchase notification."},
	{Schema: "ReactionTypes", Docs: "resources/message.mdx\tReaction Types", Name: "ReactionType", Doc: "is the kind of a reaction: normal or super (burst)."},
	{Schema: "RecurrenceRuleFrequencies", Docs: "resources/guild-scheduled-event.mdx\tGuild Scheduled Event Recurrence Rule - Frequency", Name: "RecurrenceFrequency", Doc: "is how often a scheduled event repeats."},
	{Schema: "RecurrenceRuleMonths", Docs: "resources/guild-scheduled-event.mdx\tGuild Scheduled Event Recurrence Rule - Month", Name: "RecurrenceMonth", Doc: "is a month of a scheduled event's recurrence rule."},
	{Schema: "RecurrenceRuleWeekdays", Docs: "resources/guild-scheduled-event.mdx\tGuild Scheduled Event Recurrence Rule - Weekday", Name: "RecurrenceWeekday", Doc: "is a day of the week of a scheduled event's recurrence rule."},
	{Schema: "SKUIneligibilityReason", Name: "SKUIneligibilityReason", Doc: "is why a user may not buy an SKU."},
	{Schema: "SearchableEmbedType", Name: "MessageSearchEmbedType", Doc: "filters a guild message search by embed kind."},
	{Schema: "SortingMode", Name: "MessageSearchSortMode", Doc: "orders the results of a guild message search."},
	{Schema: "SortingOrder", Name: "SearchSortOrder", Doc: "is the direction of a search's sort."},
	{Schema: "StageInstancesPrivacyLevels", Docs: "resources/stage-instance.mdx\tPrivacy Level", Name: "StagePrivacyLevel", Doc: "is who can see a stage instance."},
	{Schema: "StickerFormatTypes", Docs: "resources/sticker.mdx\tSticker Format Types", Name: "StickerFormatType", Doc: "is the file format of a sticker."},
	{Schema: "StickerTypes", Docs: "resources/sticker.mdx\tSticker Types", Name: "StickerType", Doc: "says whether a sticker is a standard one or a guild's."},
	{Schema: "SubscriptionResponseStatusType", Docs: "resources/subscription.mdx\tSubscription Statuses", Name: "SubscriptionStatus", Doc: "is the state of a subscription."},
	{Schema: "TargetUsersJobStatusTypes", Name: "TargetUsersJobStatus", Doc: "is the state of an invite's target-users job."},
	{Schema: "TeamMemberRoles", Name: "TeamMemberRole", Doc: "is the role of a member of a developer team."},
	{Schema: "TeamMembershipStates", Docs: "topics/teams.mdx\tMembership State Enum", Name: "MembershipState", Doc: "is whether a team member has accepted the team's invitation."},
	{Schema: "ThreadAutoArchiveDuration", Name: "AutoArchiveDuration", Doc: "is the number of minutes of inactivity after which a thread is archived."},
	{Schema: "ThreadSearchTagSetting", Name: "ThreadSearchTagSetting", Doc: "says whether a thread search must match all tags or any."},
	{Schema: "ThreadSortOrder", Docs: "resources/channel.mdx\tSort Order Types", Name: "ForumSortOrder", Doc: "is the default order of a forum channel's posts."},
	{Schema: "ThreadSortingMode", Name: "ThreadSearchSortMode", Doc: "orders the results of a thread search."},
	{Schema: "UserNotificationSettings", Docs: "resources/guild.mdx\tDefault Message Notification Level", Name: "MessageNotificationLevel", Doc: "is which messages notify a guild's members by default."},
	{Schema: "VerificationLevels", Docs: "resources/guild.mdx\tVerification Level", Name: "VerificationLevel", Doc: "is what a member must have done before they may talk in a guild."},
	{Schema: "VideoQualityModes", Docs: "resources/channel.mdx\tVideo Quality Modes", Name: "VideoQualityMode", Doc: "is the camera video quality of a voice channel."},
	{Schema: "WebhookTypes", Docs: "resources/webhook.mdx\tWebhook Types", Name: "WebhookType", Doc: "is the kind of a webhook."},
	{Schema: "WidgetImageStyles", Name: "WidgetStyle", Doc: "is the style of a guild widget image."},

	// Enums found only in Discord's docs.
	{Docs: "events/gateway-events.mdx\tActivity Types", Name: "ActivityType", Kind: "int", Doc: "is the kind of a presence activity."},
	{Docs: "events/gateway-events.mdx\tStatus Display Types", Name: "StatusDisplayType", Kind: "int", Doc: "is which field of an activity a member list shows."},
	{Docs: "events/gateway-events.mdx\tAnimation Types", Name: "AnimationType", Kind: "int", Doc: "is the kind of a voice channel effect's animation."},
	{Docs: "resources/sku.mdx\tSKU Types", Name: "SKUType", Kind: "int", Doc: "is the kind of an SKU."},

	// Bit flags found in Discord's docs.
	{Docs: "resources/message.mdx\tMessage Flags", Name: "MessageFlags", Flags: true, Doc: "are the flags of a message."},
	{Docs: "resources/user.mdx\tUser Flags", Name: "UserFlags", Flags: true, Doc: "are the flags on a user's account."},
	{Docs: "resources/channel.mdx\tChannel Flags", Name: "ChannelFlags", Flags: true, Doc: "are the flags of a channel."},
	{Docs: "resources/guild.mdx\tGuild Member Flags", Name: "MemberFlags", Flags: true, Doc: "are the flags of a guild member."},
	{Docs: "resources/guild.mdx\tSystem Channel Flags", Name: "SystemChannelFlags", Flags: true, Doc: "turn off kinds of messages in a guild's system channel."},
	{Docs: "resources/application.mdx\tApplication Flags", Name: "ApplicationFlags", Flags: true, Doc: "are the flags of an application."},
	{Docs: "resources/message.mdx\tAttachment Flags", Name: "AttachmentFlags", Flags: true, Doc: "are the flags of an attachment."},
	{Docs: "resources/sku.mdx\tSKU Flags", Name: "SKUFlags", Flags: true, Doc: "are the flags of an SKU."},
	{Docs: "events/gateway-events.mdx\tActivity Flags", Name: "ActivityFlags", Flags: true, Doc: "are the flags of a presence activity."},
}

// enumValue is one constant of an enum.
type enumValue struct {
	Name  string // Discord's name, e.g. GUILD_TEXT
	Value string // the literal: 0, or "GUILD_TEXT" quoted for string enums
	Doc   string
	num   int64
}

type enumType struct {
	enumSpec
	Values []enumValue
}

// docsTable reads docs-enums.tsv into "doc_file\theading" → rows.
func docsTables(path string) (map[string][][2]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	tables := map[string][][2]string{}
	sc := bufio.NewScanner(f)
	first := true
	for sc.Scan() {
		if first {
			first = false
			continue
		}
		c := strings.Split(sc.Text(), "\t")
		if len(c) < 4 {
			continue
		}
		key := c[0] + "\t" + c[1]
		tables[key] = append(tables[key], [2]string{c[2], c[3]})
	}
	return tables, sc.Err()
}

// buildEnums merges each enum's values from the spec and the docs. A value in
// both takes the docs' name, which is what Discord's documentation and other
// libraries use (CHAT_INPUT, not CHAT).
func buildEnums(spec *Spec, docs map[string][][2]string) ([]enumType, error) {
	var out []enumType
	for _, e := range enums {
		t := enumType{enumSpec: e}
		seen := map[string]int{}
		add := func(v enumValue) {
			if i, ok := seen[v.Value]; ok {
				if v.Doc != "" && t.Values[i].Doc == "" {
					t.Values[i].Doc = v.Doc
				}
				t.Values[i].Name = v.Name
				return
			}
			seen[v.Value] = len(t.Values)
			t.Values = append(t.Values, v)
		}
		if e.Schema != "" {
			s := spec.Components.Schemas[e.Schema]
			if s == nil {
				return nil, fmt.Errorf("enum %s: no schema %s", e.Name, e.Schema)
			}
			t.Kind = "int"
			if s.Type.base() == "string" {
				t.Kind = "string"
			}
			for _, c := range s.OneOf {
				v := enumValue{Name: c.Title, Doc: sentence(c.Description)}
				switch x := c.Const.(type) {
				case string:
					v.Value = strconv.Quote(x)
				case float64:
					v.Value = strconv.FormatInt(int64(x), 10)
					v.num = int64(x)
				default:
					return nil, fmt.Errorf("enum %s: const %v", e.Name, c.Const)
				}
				add(v)
			}
		}
		if e.Docs != "" {
			rows, ok := docs[e.Docs]
			if !ok {
				return nil, fmt.Errorf("enum %s: no docs table %q", e.Name, e.Docs)
			}
			for _, r := range rows {
				v := enumValue{Name: strings.ToUpper(strings.ReplaceAll(r[0], " ", "_"))}
				if t.Kind == "string" {
					v.Value = strconv.Quote(r[1])
				} else {
					n, err := parseInt(r[1])
					if err != nil {
						return nil, fmt.Errorf("enum %s: value %q: %w", e.Name, r[1], err)
					}
					v.Value, v.num = strconv.FormatInt(n, 10), n
				}
				add(v)
			}
		}
		if t.Kind == "int" {
			sort.SliceStable(t.Values, func(i, j int) bool { return t.Values[i].num < t.Values[j].num })
		}
		out = append(out, t)
	}
	return out, nil
}

// parseInt reads a docs value: 42, 1 << 3 or 0x10.
func parseInt(s string) (int64, error) {
	s = strings.TrimSpace(s)
	if a, b, ok := strings.Cut(s, "<<"); ok {
		x, err := strconv.ParseInt(strings.TrimSpace(a), 0, 64)
		if err != nil {
			return 0, err
		}
		y, err := strconv.ParseInt(strings.TrimSpace(b), 0, 64)
		if err != nil {
			return 0, err
		}
		return x << y, nil
	}
	return strconv.ParseInt(s, 0, 64)
}

func (t enumType) constPrefix() string {
	if t.Const != "" {
		return t.Const
	}
	if t.Flags {
		return strings.TrimSuffix(t.Name, "s")
	}
	return t.Name
}

// writeEnums emits enums_gen.go.
func writeEnums(w *strings.Builder, types []enumType) {
	for _, t := range types {
		underlying := "int"
		switch {
		case t.Flags:
			underlying = "uint64"
		case t.Kind == "string":
			underlying = "string"
		}
		w.WriteString(comment("", t.Name+" "+t.Doc))
		if !t.Flags {
			if t.Kind == "string" {
				w.WriteString("//\n// Values Discord adds later decode as they are.\n")
			} else {
				w.WriteString("//\n// Values Discord adds later decode as they are; String shows them as numbers.\n")
			}
		} else {
			w.WriteString("//\n// Bits Discord adds later are kept.\n")
		}
		fmt.Fprintf(w, "type %s %s\n\n", t.Name, underlying)
		prefix := t.constPrefix()
		fmt.Fprintf(w, "// Values of %s.\nconst (\n", t.Name)
		names := map[string]bool{}
		for _, v := range t.Values {
			n := prefix + goName(v.Name)
			for names[n] {
				n += "_"
			}
			names[n] = true
			if v.Doc != "" && v.Doc != "." {
				w.WriteString(comment("\t", n+": "+v.Doc))
			}
			fmt.Fprintf(w, "\t%s %s = %s\n", n, t.Name, v.Value)
		}
		w.WriteString(")\n\n")
		if t.Kind == "string" {
			continue
		}
		// String for int enums and flags.
		fmt.Fprintf(w, "var %sNames = map[%s]string{\n", lowerFirst(t.Name), t.Name)
		for _, v := range t.Values {
			fmt.Fprintf(w, "\t%s: %q,\n", v.Value, v.Name)
		}
		w.WriteString("}\n\n")
		if t.Flags {
			fmt.Fprintf(w, "// Has reports whether f has every bit of flag.\nfunc (f %s) Has(flag %s) bool { return f&flag == flag }\n\n", t.Name, t.Name)
			fmt.Fprintf(w, "// String lists the names of the set bits, such as \"%s|%s\".\nfunc (f %s) String() string { return flagString(f, %sNames) }\n\n",
				t.Values[0].Name, t.Values[len(t.Values)-1].Name, t.Name, lowerFirst(t.Name))
		} else {
			fmt.Fprintf(w, "// String returns Discord's name of the value, such as %q.\nfunc (v %s) String() string { return enumString(v, %sNames, %q) }\n\n",
				t.Values[0].Name, t.Name, lowerFirst(t.Name), t.Name)
		}
	}
}

func lowerFirst(s string) string {
	for i, r := range s {
		if r >= 'a' && r <= 'z' {
			if i <= 1 {
				return strings.ToLower(s[:1]) + s[1:]
			}
			return strings.ToLower(s[:i-1]) + s[i-1:]
		}
	}
	return strings.ToLower(s)
}

package main

// model names one Go type of the data model and the spec schemas it carries.
// A Go type may stand for several schemas: Discord's spec has one schema per
// variant (GuildChannelResponse, ThreadResponse, PrivateChannelResponse) where
// a Go program wants one Channel. The generated type holds the union of their
// fields.
type model struct {
	Name    string
	Schemas string // space-separated spec schema names
	File    string // area file: guild → guild_gen.go
	Doc     string // the doc comment after the type's name
	// Hand marks types written by hand in package discord; the generator
	// only refers to them.
	Hand bool
}

// models is the map from Discord's spec to Go names, cut by Discord area.
var models = []model{
	// Written by hand: components and embeds.
	{Name: "ActionRow", Hand: true, Schemas: "ActionRowComponentForMessageRequest ActionRowComponentForModalRequest ActionRowComponentResponse"},
	{Name: "Button", Hand: true, Schemas: "ButtonComponentForMessageRequest ButtonComponentResponse"},
	{Name: "StringSelect", Hand: true, Schemas: "StringSelectComponentForMessageRequest StringSelectComponentForModalRequest StringSelectComponentResponse"},
	{Name: "SelectOption", Hand: true, Schemas: "StringSelectOptionForRequest StringSelectOptionResponse"},
	{Name: "UserSelect", Hand: true, Schemas: "UserSelectComponentForMessageRequest UserSelectComponentForModalRequest UserSelectComponentResponse"},
	{Name: "RoleSelect", Hand: true, Schemas: "RoleSelectComponentForMessageRequest RoleSelectComponentForModalRequest RoleSelectComponentResponse"},
	{Name: "MentionableSelect", Hand: true, Schemas: "MentionableSelectComponentForMessageRequest MentionableSelectComponentForModalRequest MentionableSelectComponentResponse"},
	{Name: "ChannelSelect", Hand: true, Schemas: "ChannelSelectComponentForMessageRequest ChannelSelectComponentForModalRequest ChannelSelectComponentResponse"},
	{Name: "SelectDefaultValue", Hand: true, Schemas: "ChannelSelectDefaultValue ChannelSelectDefaultValueResponse RoleSelectDefaultValue RoleSelectDefaultValueResponse UserSelectDefaultValue UserSelectDefaultValueResponse"},
	{Name: "TextInput", Hand: true, Schemas: "TextInputComponentForModalRequest TextInputComponentResponse"},
	{Name: "Section", Hand: true, Schemas: "SectionComponentForMessageRequest SectionComponentResponse"},
	{Name: "TextDisplay", Hand: true, Schemas: "TextDisplayComponentForMessageRequest TextDisplayComponentForModalRequest TextDisplayComponentResponse"},
	{Name: "Thumbnail", Hand: true, Schemas: "ThumbnailComponentForMessageRequest ThumbnailComponentResponse"},
	{Name: "MediaGallery", Hand: true, Schemas: "MediaGalleryComponentForMessageRequest MediaGalleryComponentResponse"},
	{Name: "MediaGalleryItem", Hand: true, Schemas: "MediaGalleryItemRequest MediaGalleryItemResponse"},
	{Name: "FileComponent", Hand: true, Schemas: "FileComponentForMessageRequest FileComponentResponse"},
	{Name: "Separator", Hand: true, Schemas: "SeparatorComponentForMessageRequest SeparatorComponentResponse"},
	{Name: "Container", Hand: true, Schemas: "ContainerComponentForMessageRequest ContainerComponentResponse"},
	{Name: "Label", Hand: true, Schemas: "LabelComponentForModalRequest"},
	{Name: "FileUpload", Hand: true, Schemas: "FileUploadComponentForModalRequest"},
	{Name: "Checkbox", Hand: true, Schemas: "CheckboxComponentForModalRequest"},
	{Name: "CheckboxGroup", Hand: true, Schemas: "CheckboxGroupComponentForModalRequest"},
	{Name: "CheckboxGroupOption", Hand: true, Schemas: "CheckboxGroupOptionForRequest"},
	{Name: "RadioGroup", Hand: true, Schemas: "RadioGroupComponentForModalRequest"},
	{Name: "RadioGroupOption", Hand: true, Schemas: "RadioGroupOptionForRequest"},
	{Name: "ComponentEmoji", Hand: true, Schemas: "ComponentEmojiForRequest ComponentEmojiResponse"},
	{Name: "UnfurledMedia", Hand: true, Schemas: "UnfurledMediaRequest UnfurledMediaRequestWithAttachmentReferenceRequired UnfurledMediaResponse"},
	{Name: "Embed", Hand: true, Schemas: "RichEmbed MessageEmbedResponse"},
	{Name: "EmbedAuthor", Hand: true, Schemas: "RichEmbedAuthor MessageEmbedAuthorResponse"},
	{Name: "EmbedField", Hand: true, Schemas: "RichEmbedField MessageEmbedFieldResponse"},
	{Name: "EmbedFooter", Hand: true, Schemas: "RichEmbedFooter MessageEmbedFooterResponse"},
	{Name: "EmbedMedia", Hand: true, Schemas: "RichEmbedImage RichEmbedThumbnail RichEmbedVideo MessageEmbedImageResponse MessageEmbedVideoResponse"},
	{Name: "EmbedProvider", Hand: true, Schemas: "RichEmbedProvider MessageEmbedProviderResponse"},

	// Users.
	{Name: "User", File: "user", Schemas: "UserResponse UserPIIResponse InviteChannelRecipientResponse", Doc: "is a Discord user: a person or a bot. Email and verified are only sent with the email OAuth2 scope."},
	{Name: "AvatarDecoration", File: "user", Schemas: "UserAvatarDecorationResponse", Doc: "is the decoration drawn around a user's or member's avatar."},
	{Name: "Collectibles", File: "user", Schemas: "UserCollectiblesResponse", Doc: "are the collectibles a user owns."},
	{Name: "Nameplate", File: "user", Schemas: "UserNameplateResponse", Doc: "is a nameplate collectible shown behind a user's name in the member list."},
	{Name: "PrimaryGuild", File: "user", Schemas: "UserPrimaryGuildResponse", Doc: "is the guild tag a user shows next to their name."},
	{Name: "Connection", File: "user", Schemas: "ConnectedAccountResponse", Doc: "is an account of another service connected to a user."},
	{Name: "ConnectionIntegration", File: "user", Schemas: "ConnectedAccountIntegrationResponse", Doc: "is a guild integration of a connected account."},
	{Name: "ConnectionGuild", File: "user", Schemas: "ConnectedAccountGuildResponse", Doc: "is the guild of a connected account's integration."},
	{Name: "ApplicationRoleConnection", File: "user", Schemas: "ApplicationUserRoleConnectionResponse", Doc: "is the role connection an application has attached to a user."},
	{Name: "UpdateCurrentUserRequest", File: "user", Schemas: "BotAccountPatchRequest", Doc: "changes the bot's username, avatar or banner."},
	{Name: "UpdateRoleConnectionRequest", File: "user", Schemas: "UpdateApplicationUserRoleConnectionRequest", Doc: "updates the role connection of the current user for an application."},
	{Name: "CreateDMRequest", File: "user", Schemas: "CreatePrivateChannelRequest", Doc: "opens a DM with a user, or a group DM with access tokens."},

	// Guilds.
	{Name: "Guild", File: "guild", Schemas: "GuildResponse GuildWithCountsResponse MyGuildResponse InviteGuildResponse", Doc: "is a Discord guild, called a server in the client. The fields that only GET /guilds/{guild_id} with with_counts, GET /users/@me/guilds or invites return are zero elsewhere."},
	{Name: "GuildPreview", File: "guild", Schemas: "GuildPreviewResponse", Doc: "is the public preview of a discoverable guild."},
	{Name: "UpdateGuildRequest", File: "guild", Schemas: "GuildPatchRequestPartial", Doc: "changes a guild's settings."},
	{Name: "GuildWidget", File: "guild", Schemas: "WidgetResponse", Doc: "is the public widget of a guild."},
	{Name: "WidgetChannel", File: "guild", Schemas: "WidgetChannel", Doc: "is a voice channel listed in a guild widget."},
	{Name: "WidgetMember", File: "guild", Schemas: "WidgetMember", Doc: "is an online member listed in a guild widget, anonymised."},
	{Name: "WidgetActivity", File: "guild", Schemas: "WidgetActivity", Doc: "is the activity of a member listed in a guild widget."},
	{Name: "GuildWidgetSettings", File: "guild", Schemas: "WidgetSettingsResponse", Doc: "says whether a guild's widget is enabled and which channel it invites to."},
	{Name: "WelcomeScreen", File: "guild", Schemas: "GuildWelcomeScreenResponse", Doc: "is the welcome screen a community guild shows new members."},
	{Name: "WelcomeScreenChannel", File: "guild", Schemas: "GuildWelcomeScreenChannelResponse GuildWelcomeChannel", Doc: "is a channel suggested on a guild's welcome screen."},
	{Name: "UpdateWelcomeScreenRequest", File: "guild", Schemas: "WelcomeScreenPatchRequestPartial", Doc: "changes a guild's welcome screen."},
	{Name: "Onboarding", File: "guild", Schemas: "GuildOnboardingResponse UserGuildOnboardingResponse", Doc: "is the onboarding flow of a guild: its prompts and default channels."},
	{Name: "OnboardingPrompt", File: "guild", Schemas: "OnboardingPromptResponse", Doc: "is one question of a guild's onboarding."},
	{Name: "OnboardingPromptOption", File: "guild", Schemas: "OnboardingPromptOptionResponse", Doc: "is one answer of an onboarding prompt and the roles and channels it grants."},
	{Name: "UpdateOnboardingRequest", File: "guild", Schemas: "UpdateGuildOnboardingRequest", Doc: "replaces a guild's onboarding."},
	{Name: "OnboardingPromptRequest", File: "guild", Schemas: "UpdateOnboardingPromptRequest", Doc: "is one prompt of an UpdateOnboardingRequest."},
	{Name: "OnboardingPromptOptionRequest", File: "guild", Schemas: "OnboardingPromptOptionRequest", Doc: "is one option of an OnboardingPromptRequest."},
	{Name: "Ban", File: "guild", Schemas: "GuildBanResponse", Doc: "is a banned user of a guild and the reason given."},
	{Name: "BanRequest", File: "guild", Schemas: "BanUserFromGuildRequest", Doc: "bans a user from a guild, optionally deleting their recent messages."},
	{Name: "BulkBanRequest", File: "guild", Schemas: "BulkBanUsersRequest", Doc: "bans up to 200 users at once."},
	{Name: "BulkBanResult", File: "guild", Schemas: "BulkBanUsersResponse", Doc: "lists the users a bulk ban banned and those it could not."},
	{Name: "PruneRequest", File: "guild", Schemas: "PruneGuildRequest", Doc: "removes members inactive for a number of days."},
	{Name: "PruneResult", File: "guild", Schemas: "GuildPruneResponse", Doc: "is the number of members a prune removed, or would remove."},
	{Name: "VanityURL", File: "guild", Schemas: "VanityURLResponse", Doc: "is a guild's custom invite code and how often it was used."},
	{Name: "VanityURLError", File: "guild", Schemas: "VanityURLErrorResponse", Doc: "is the error returned for a guild without a vanity URL."},
	{Name: "GuildHomeSettings", File: "guild", Schemas: "GuildHomeSettingsResponse", Doc: "is the server guide of a community guild."},
	{Name: "WelcomeMessage", File: "guild", Schemas: "WelcomeMessageResponse", Doc: "is the welcome message of a guild's server guide."},
	{Name: "NewMemberAction", File: "guild", Schemas: "NewMemberActionResponse", Doc: "is a task the server guide gives new members."},
	{Name: "ResourceChannel", File: "guild", Schemas: "ResourceChannelResponse", Doc: "is a resource channel of a guild's server guide."},
	{Name: "GuildIncidents", File: "guild", Schemas: "GuildIncidentsDataResponse", Doc: "is the state of a guild's incident actions: paused invites and DMs."},
	{Name: "UpdateIncidentActionsRequest", File: "guild", Schemas: "GuildIncidentActionsRequest", Doc: "pauses or resumes invites and DMs in a guild."},
	{Name: "JoinRequest", File: "guild", Schemas: "GuildJoinRequestResponse", Doc: "is a user's request to join a guild with membership screening."},
	{Name: "JoinRequestList", File: "guild", Schemas: "GuildJoinRequestsListResponse", Doc: "is a page of a guild's join requests."},
	{Name: "VerificationFormField", File: "guild", Schemas: "TermsFormFieldResponse MultipleChoiceFormFieldResponse ParagraphFormFieldResponse TextInputFormFieldResponse", Doc: "is a field of a guild's membership screening form and the applicant's answer."},
	{Name: "GuildMessageSearch", File: "guild", Schemas: "GuildSearchResponse", Doc: "is a page of results of a guild message search."},
	{Name: "SearchIndexNotReady", File: "guild", Schemas: "SearchIndexNotReadyResponse", Doc: "is the answer of a guild message search while the index is being built."},
	{Name: "GuildLiveliness", File: "guild", Schemas: "GuildLivelinessResponse", Doc: "is a guild's recent message activity."},

	// Members and roles.
	{Name: "Member", File: "member", Schemas: "GuildMemberResponse PrivateGuildMemberResponse BasicGuildMemberResponse", Doc: "is a user's membership of a guild: nickname, roles, guild avatar and timeout. User is absent from the member objects of MESSAGE_CREATE and MESSAGE_UPDATE events."},
	{Name: "AddMemberRequest", File: "member", Schemas: "BotAddGuildMemberRequest", Doc: "adds a user to a guild with an OAuth2 access token that has the guilds.join scope."},
	{Name: "Role", File: "role", Schemas: "GuildRoleResponse InviteGuildRoleResponse", Doc: "is a guild role: a name, a colour and a set of permissions."},
	{Name: "RoleColors", File: "role", Schemas: "GuildRoleColorsResponse RoleColors GuildTemplateRoleColorsResponse", Doc: "are a role's colours: a primary colour and, for gradient or holographic roles, a second and third."},
	{Name: "RoleTags", File: "role", Schemas: "GuildRoleTagsResponse", Doc: "say what manages a role: a bot, an integration, boosting or a subscription listing."},
	{Name: "CreateRoleRequest", File: "role", Schemas: "CreateRoleRequest", Doc: "creates a role."},
	{Name: "UpdateRoleRequest", File: "role", Schemas: "UpdateRoleRequestPartial", Doc: "changes a role."},
	{Name: "RolePosition", File: "role", Schemas: "UpdateRolePositionsRequest", Doc: "moves a role, as one element of a role positions update."},

	// Channels and threads.
	{Name: "Channel", File: "channel", Schemas: "GuildChannelResponse ThreadResponse PrivateChannelResponse PrivateGroupChannelResponse CreatedThreadResponse InviteChannelResponse", Doc: "is a guild channel, a thread, a DM or a group DM. Type says which; fields that do not apply to a type are zero."},
	{Name: "PermissionOverwrite", File: "channel", Schemas: "ChannelPermissionOverwriteResponse ChannelPermissionOverwriteRequest", Doc: "grants or denies permissions in a channel to a role or a member."},
	{Name: "ForumTag", File: "channel", Schemas: "ForumTagResponse", Doc: "is a tag that can be applied to posts of a forum or media channel."},
	{Name: "ForumTagRequest", File: "channel", Schemas: "CreateOrUpdateThreadTagRequest", Doc: "is a tag of a forum or media channel being created or updated."},
	{Name: "UpdateForumTagRequest", File: "channel", Schemas: "UpdateThreadTagRequest", Doc: "changes a tag of a forum or media channel."},
	{Name: "DefaultReaction", File: "channel", Schemas: "DefaultReactionEmojiResponse UpdateDefaultReactionEmojiRequest", Doc: "is the emoji shown on the add-reaction button of forum posts."},
	{Name: "ThreadMetadata", File: "channel", Schemas: "ThreadMetadataResponse", Doc: "is the state of a thread: archived, locked, and when."},
	{Name: "ThreadMember", File: "channel", Schemas: "ThreadMemberResponse", Doc: "is a user who joined a thread."},
	{Name: "ThreadList", File: "channel", Schemas: "ThreadsResponse", Doc: "is a page of threads and the current user's membership of them."},
	{Name: "ThreadSearch", File: "channel", Schemas: "ThreadSearchResponse", Doc: "is a page of results of a thread search."},
	{Name: "FollowedChannel", File: "channel", Schemas: "ChannelFollowerResponse", Doc: "is an announcement channel followed into another channel through a webhook."},
	{Name: "MentionedChannel", File: "channel", Schemas: "MessageMentionChannelResponse", Doc: "is a channel mentioned by a crossposted message."},
	{Name: "CreateChannelRequest", File: "channel", Schemas: "CreateGuildChannelRequest", Doc: "creates a guild channel."},
	{Name: "UpdateChannelRequest", File: "channel", Schemas: "UpdateGuildChannelRequestPartial", Doc: "changes a guild channel."},
	{Name: "UpdateThreadRequest", File: "channel", Schemas: "UpdateThreadRequestPartial", Doc: "changes a thread."},
	{Name: "UpdateDMRequest", File: "channel", Schemas: "UpdateDMRequestPartial", Doc: "changes a DM channel."},
	{Name: "UpdateGroupDMRequest", File: "channel", Schemas: "UpdateGroupDMRequestPartial", Doc: "changes a group DM's name or icon."},
	{Name: "StartThreadFromMessageRequest", File: "channel", Schemas: "CreateTextThreadWithMessageRequest", Doc: "starts a thread from an existing message."},
	{Name: "StartThreadRequest", File: "channel", Schemas: "CreateTextThreadWithoutMessageRequest", Doc: "starts a thread that is not attached to a message."},
	{Name: "StartForumThreadRequest", File: "channel", Schemas: "CreateForumThreadRequest", Doc: "starts a post in a forum or media channel with its first message."},
	{Name: "ForumThreadMessage", File: "channel", Schemas: "BaseCreateMessageCreateRequest", Doc: "is the first message of a forum or media channel post."},

	// Messages.
	{Name: "Message", File: "message", Schemas: "MessageResponse BasicMessageResponse SearchMessageResponse MinimalContentMessageResponse", Doc: "is a message in a channel."},
	{Name: "Attachment", File: "message", Schemas: "MessageAttachmentResponse AttachmentResponse", Doc: "is a file attached to a message."},
	{Name: "AttachmentRequest", File: "message", Schemas: "MessageAttachmentRequest", Doc: "describes a file of a message being sent or edited, by its index among the uploaded files or by the ID of an attachment to keep."},
	{Name: "MessageActivity", File: "message", Schemas: "MessageActivityResponse", Doc: "is the rich presence invitation a message carries."},
	{Name: "MessageCall", File: "message", Schemas: "MessageCallResponse", Doc: "is the call a call message is about."},
	{Name: "MessageReference", File: "message", Schemas: "MessageReferenceResponse MessageReferenceRequest", Doc: "points to the message a reply answers or a forward copies."},
	{Name: "MessageSnapshot", File: "message", Schemas: "MessageSnapshotResponse", Doc: "is a copy of a forwarded message."},
	{Name: "MessageInteraction", File: "message", Schemas: "MessageInteractionResponse", Doc: "is the interaction a message answers. Deprecated by Discord in favour of InteractionMetadata."},
	{Name: "InteractionMetadata", File: "message", Schemas: "ApplicationCommandInteractionMetadataResponse MessageComponentInteractionMetadataResponse ModalSubmitInteractionMetadataResponse", Doc: "is the interaction a message answers."},
	{Name: "RoleSubscriptionData", File: "message", Schemas: "MessageRoleSubscriptionDataResponse", Doc: "is the subscription a role subscription purchase message is about."},
	{Name: "StickerItem", File: "message", Schemas: "MessageStickerItemResponse", Doc: "is the smallest form of a sticker sent in a message."},
	{Name: "Reaction", File: "message", Schemas: "MessageReactionResponse", Doc: "is an emoji reaction to a message and its counts."},
	{Name: "ReactionCountDetails", File: "message", Schemas: "MessageReactionCountDetailsResponse", Doc: "splits a reaction count into normal and super reactions."},
	{Name: "AllowedMentions", File: "message", Schemas: "MessageAllowedMentionsRequest", Doc: "controls which mentions of a message notify. A nil *AllowedMentions leaves Discord's default: every mention in the content notifies."},
	{Name: "CreateMessageRequest", File: "message", Schemas: "MessageCreateRequest", Doc: "sends a message to a channel. A message needs content, an embed, a sticker, a poll, components or a file."},
	{Name: "EditMessageRequest", File: "message", Schemas: "MessageEditRequestPartial", Doc: "edits a message."},
	{Name: "LobbyMessageRequest", File: "lobby", Schemas: "SDKMessageRequest", Doc: "sends a message to a lobby or a DM through the Social SDK."},
	{Name: "ClientTheme", File: "message", Schemas: "CustomClientThemeResponse CustomClientThemeShareRequest", Doc: "is a client theme shared in a message."},
	{Name: "PurchaseNotification", File: "message", Schemas: "PurchaseNotificationResponse", Doc: "is the purchase a purchase notification message is about."},
	{Name: "GuildProductPurchase", File: "message", Schemas: "GuildProductPurchaseResponse", Doc: "is a purchase of a guild product."},
	{Name: "PinnedMessage", File: "message", Schemas: "PinnedMessageResponse", Doc: "is a pinned message and when it was pinned."},
	{Name: "PinnedMessageList", File: "message", Schemas: "PinnedMessagesResponse", Doc: "is a page of a channel's pinned messages."},
	{Name: "MessageLobbyMember", File: "lobby", Schemas: "MessageLobbyMemberResponse", Doc: "is the lobby member data of a lobby message's author."},

	// Polls.
	{Name: "Poll", File: "poll", Schemas: "PollResponse", Doc: "is a poll attached to a message."},
	{Name: "PollMedia", File: "poll", Schemas: "PollMediaResponse PollMedia PollMediaCreateRequest", Doc: "is the text and emoji of a poll question or answer. A question has text only."},
	{Name: "PollAnswer", File: "poll", Schemas: "PollAnswerResponse PollAnswerCreateRequest", Doc: "is an answer of a poll."},
	{Name: "PollResults", File: "poll", Schemas: "PollResultsResponse", Doc: "are the vote counts of a poll; they may be approximate until IsFinalized."},
	{Name: "PollAnswerCount", File: "poll", Schemas: "PollResultsEntryResponse", Doc: "is the number of votes of one answer."},
	{Name: "PollAnswerVoters", File: "poll", Schemas: "PollAnswerDetailsResponse", Doc: "is a page of the users who voted for an answer."},
	{Name: "CreatePollRequest", File: "poll", Schemas: "PollCreateRequest", Doc: "is a poll sent with a message."},

	// Emojis, stickers and sounds.
	{Name: "Emoji", File: "emoji", Schemas: "EmojiResponse MessageReactionEmojiResponse SettingsEmojiResponse PollEmoji PollEmojiCreateRequest", Doc: "is a custom emoji (ID set) or a Unicode emoji (only Name set)."},
	{Name: "ApplicationEmojiList", File: "emoji", Schemas: "ListApplicationEmojisResponse", Doc: "lists an application's emojis."},
	{Name: "Sticker", File: "sticker", Schemas: "GuildStickerResponse StandardStickerResponse", Doc: "is a standard sticker of a pack or a guild's sticker."},
	{Name: "StickerPack", File: "sticker", Schemas: "StickerPackResponse", Doc: "is a pack of standard stickers."},
	{Name: "StickerPackList", File: "sticker", Schemas: "StickerPackCollectionResponse", Doc: "lists the sticker packs available to Nitro subscribers."},
	{Name: "SoundboardSound", File: "soundboard", Schemas: "SoundboardSoundResponse", Doc: "is a sound of a guild's soundboard or a default sound."},
	{Name: "SoundboardSoundList", File: "soundboard", Schemas: "ListGuildSoundboardSoundsResponse", Doc: "lists a guild's soundboard sounds."},
	{Name: "CreateSoundboardSoundRequest", File: "soundboard", Schemas: "SoundboardCreateRequest", Doc: "adds a sound to a guild's soundboard. Sound is an mp3 or ogg file of at most 512 KiB and 5.2 seconds."},
	{Name: "UpdateSoundboardSoundRequest", File: "soundboard", Schemas: "SoundboardPatchRequestPartial", Doc: "changes a soundboard sound."},
	{Name: "SendSoundboardSoundRequest", File: "soundboard", Schemas: "SoundboardSoundSendRequest", Doc: "plays a soundboard sound in the voice channel the bot is in."},

	// Invites, webhooks.
	{Name: "Invite", File: "invite", Schemas: "GuildInviteResponse GroupDMInviteResponse FriendInviteResponse", Doc: "is an invite to a guild, a group DM or to become friends."},
	{Name: "CreateInviteRequest", File: "invite", Schemas: "CreateGuildInviteRequest", Doc: "creates an invite to a guild channel."},
	{Name: "CreateGroupDMInviteRequest", File: "invite", Schemas: "CreateGroupDMInviteRequest", Doc: "creates an invite to a group DM."},
	{Name: "InviteTargetUsersJob", File: "invite", Schemas: "TargetUsersJobStatusResponse", Doc: "is the state of the job that processes an invite's target users."},
	{Name: "LobbyGuildInvite", File: "lobby", Schemas: "LobbyGuildInviteResponse", Doc: "is an invite to a lobby's linked guild channel."},
	{Name: "Webhook", File: "webhook", Schemas: "GuildIncomingWebhookResponse ChannelFollowerWebhookResponse ApplicationIncomingWebhookResponse", Doc: "is a webhook: an incoming webhook, a channel follower, or an application's."},
	{Name: "WebhookSourceGuild", File: "webhook", Schemas: "WebhookSourceGuildResponse", Doc: "is the guild of the channel a channel follower webhook follows."},
	{Name: "WebhookSourceChannel", File: "webhook", Schemas: "WebhookSourceChannelResponse", Doc: "is the channel a channel follower webhook follows."},
	{Name: "ExecuteWebhookRequest", File: "webhook", Schemas: "IncomingWebhookRequestPartial", Doc: "sends a message through a webhook."},
	{Name: "EditWebhookMessageRequest", File: "webhook", Schemas: "IncomingWebhookUpdateRequestPartial", Doc: "edits a message a webhook sent."},
	{Name: "SlackWebhookRequest", File: "webhook", Schemas: "SlackWebhook", Doc: "is a Slack-compatible webhook payload."},
	{Name: "SlackAttachment", File: "webhook", Schemas: "WebhookSlackEmbed", Doc: "is an attachment of a Slack-compatible webhook payload."},
	{Name: "SlackAttachmentField", File: "webhook", Schemas: "WebhookSlackEmbedField", Doc: "is a field of a Slack-compatible attachment."},

	// Applications and commands.
	{Name: "Application", File: "application", Schemas: "PrivateApplicationResponse ApplicationResponse BasicApplicationResponseWithBot IntegrationApplicationResponse InviteApplicationResponse", Doc: "is a Discord application: the bot's identity, install settings and owner."},
	{Name: "UpdateApplicationRequest", File: "application", Schemas: "ApplicationFormPartial", Doc: "changes the current application."},
	{Name: "InstallParams", File: "application", Schemas: "ApplicationOAuth2InstallParamsResponse ApplicationOAuth2InstallParams", Doc: "are the scopes and permissions of an application's default install link."},
	{Name: "IntegrationTypeConfig", File: "application", Schemas: "ApplicationIntegrationTypeConfigurationResponse ApplicationIntegrationTypeConfiguration", Doc: "is the install configuration of one integration type."},
	{Name: "RoleConnectionMetadata", File: "application", Schemas: "ApplicationRoleConnectionsMetadataItemResponse ApplicationRoleConnectionsMetadataItemRequest", Doc: "is a requirement a linked role can check."},
	{Name: "Team", File: "application", Schemas: "TeamResponse", Doc: "is a developer team that owns applications."},
	{Name: "TeamMember", File: "application", Schemas: "TeamMemberResponse", Doc: "is a member of a developer team."},
	{Name: "ActivityInstance", File: "application", Schemas: "EmbeddedActivityInstance", Doc: "is a running instance of an embedded activity."},
	{Name: "ActivityLocation", File: "application", Schemas: "GuildChannelLocation PrivateChannelLocation", Doc: "is where an activity instance runs."},
	{Name: "ApplicationCommand", File: "command", Schemas: "ApplicationCommandResponse", Doc: "is a slash, user, message or entry point command of an application."},
	{Name: "ApplicationCommandOption", File: "command", Schemas: "ApplicationCommandStringOptionResponse ApplicationCommandIntegerOptionResponse ApplicationCommandNumberOptionResponse ApplicationCommandBooleanOptionResponse ApplicationCommandUserOptionResponse ApplicationCommandChannelOptionResponse ApplicationCommandRoleOptionResponse ApplicationCommandMentionableOptionResponse ApplicationCommandAttachmentOptionResponse ApplicationCommandSubcommandOptionResponse ApplicationCommandSubcommandGroupOptionResponse ApplicationCommandStringOption ApplicationCommandIntegerOption ApplicationCommandNumberOption ApplicationCommandBooleanOption ApplicationCommandUserOption ApplicationCommandChannelOption ApplicationCommandRoleOption ApplicationCommandMentionableOption ApplicationCommandAttachmentOption ApplicationCommandSubcommandOption ApplicationCommandSubcommandGroupOption", Doc: "is an option of an application command: a parameter, a subcommand or a subcommand group. Type says which fields apply."},
	{Name: "ApplicationCommandOptionChoice", File: "command", Schemas: "ApplicationCommandOptionStringChoiceResponse ApplicationCommandOptionIntegerChoiceResponse ApplicationCommandOptionNumberChoiceResponse ApplicationCommandOptionStringChoice ApplicationCommandOptionIntegerChoice ApplicationCommandOptionNumberChoice", Doc: "is a predefined value of a string, integer or number option. Value is a string, an integer or a float64."},
	{Name: "CreateApplicationCommandRequest", File: "command", Schemas: "ApplicationCommandCreateRequest", Doc: "creates an application command, or replaces the one of the same name and type."},
	{Name: "UpdateApplicationCommandRequest", File: "command", Schemas: "ApplicationCommandPatchRequestPartial", Doc: "changes an application command."},
	{Name: "OverwriteApplicationCommandRequest", File: "command", Schemas: "ApplicationCommandUpdateRequest", Doc: "is one command of a bulk overwrite of an application's commands."},
	{Name: "ApplicationCommandPermission", File: "command", Schemas: "CommandPermissionResponse ApplicationCommandPermission", Doc: "allows or denies a command to a role, a user or a channel."},
	{Name: "GuildApplicationCommandPermissions", File: "command", Schemas: "CommandPermissionsResponse", Doc: "are the permissions of one command in one guild."},

	// Interactions (the received Interaction is written by hand).
	{Name: "InteractionResponse", File: "interaction", Schemas: "CreateMessageInteractionCallbackRequest UpdateMessageInteractionCallbackRequest ApplicationCommandAutocompleteCallbackRequest ModalInteractionCallbackRequest PongInteractionCallbackRequest LaunchActivityInteractionCallbackRequest SocialLayerSKUPurchaseEligibilityInteractionCallbackRequest", Doc: "answers an interaction. Type says which fields of Data apply: a message for the message types, Choices for autocomplete, CustomID, Title and Components for a modal."},
	{Name: "InteractionResponseData", File: "interaction", Schemas: "IncomingWebhookInteractionRequest IncomingWebhookUpdateForInteractionCallbackRequestPartial InteractionApplicationCommandAutocompleteCallbackStringData InteractionApplicationCommandAutocompleteCallbackIntegerData InteractionApplicationCommandAutocompleteCallbackNumberData ModalInteractionCallbackRequestData SocialLayerSKUPurchaseEligibilityCallbackData", Doc: "is the data of an InteractionResponse."},
	{Name: "InteractionCallbackResponse", File: "interaction", Schemas: "InteractionCallbackResponse", Doc: "is what an interaction response returns when sent with with_response."},
	{Name: "InteractionCallback", File: "interaction", Schemas: "InteractionResponse", Doc: "is the interaction an InteractionCallbackResponse answered."},
	{Name: "InteractionCallbackResource", File: "interaction", Schemas: "CreateMessageInteractionCallbackResponse UpdateMessageInteractionCallbackResponse LaunchActivityInteractionCallbackResponse", Doc: "is what an interaction response created: a message or an activity instance."},
	{Name: "ActivityAttachment", File: "application", Schemas: "ActivitiesAttachmentResponse", Doc: "is a file an activity uploaded."},
	{Name: "ActivityInstanceRef", File: "interaction", Schemas: "ActivityInstanceCallbackResponse", Doc: "names the activity instance a launch-activity response started."},
	{Name: "ResolvedData", File: "interaction", Schemas: "ResolvedObjectsResponse", Doc: "are the users, members, roles, channels and attachments an interaction refers to, by ID."},

	// Auto moderation.
	{Name: "AutoModerationRule", File: "automod", Schemas: "KeywordRuleResponse DefaultKeywordRuleResponse MLSpamRuleResponse MentionSpamRuleResponse UserProfileRuleResponse", Doc: "is an auto moderation rule of a guild."},
	{Name: "AutoModerationTriggerMetadata", File: "automod", Schemas: "KeywordTriggerMetadataResponse DefaultKeywordListTriggerMetadataResponse MentionSpamTriggerMetadataResponse MLSpamTriggerMetadataResponse UserProfileMetadataResponse KeywordTriggerMetadata DefaultKeywordListTriggerMetadata MentionSpamTriggerMetadata MLSpamTriggerMetadata UserProfileMetadata", Doc: "configures what an auto moderation rule checks; the trigger type says which fields apply."},
	{Name: "AutoModerationAction", File: "automod", Schemas: "BlockMessageActionResponse FlagToChannelActionResponse QuarantineUserActionResponse UserCommunicationDisabledActionResponse BlockMessageAction FlagToChannelAction QuarantineUserAction UserCommunicationDisabledAction", Doc: "is what an auto moderation rule does when it triggers."},
	{Name: "AutoModerationActionMetadata", File: "automod", Schemas: "BlockMessageActionMetadataResponse FlagToChannelActionMetadataResponse QuarantineUserActionMetadataResponse UserCommunicationDisabledActionMetadataResponse BlockMessageActionMetadata FlagToChannelActionMetadata QuarantineUserActionMetadata UserCommunicationDisabledActionMetadata", Doc: "configures an auto moderation action; the action type says which fields apply."},
	{Name: "CreateAutoModerationRuleRequest", File: "automod", Schemas: "KeywordUpsertRequest DefaultKeywordListUpsertRequest MLSpamUpsertRequest MentionSpamUpsertRequest UserProfileUpsertRequest", Doc: "creates an auto moderation rule."},
	{Name: "UpdateAutoModerationRuleRequest", File: "automod", Schemas: "KeywordUpsertRequestPartial DefaultKeywordListUpsertRequestPartial MLSpamUpsertRequestPartial MentionSpamUpsertRequestPartial UserProfileUpsertRequestPartial", Doc: "changes an auto moderation rule."},

	// Scheduled events and stages.
	{Name: "ScheduledEvent", File: "scheduled_event", Schemas: "ScheduledEventResponse ExternalScheduledEventResponse StageScheduledEventResponse VoiceScheduledEventResponse", Doc: "is a guild's scheduled event in a stage, a voice channel or elsewhere."},
	{Name: "EntityMetadata", File: "scheduled_event", Schemas: "EntityMetadataExternalResponse EntityMetadataExternal EntityMetadataStageInstanceResponse EntityMetadataStageInstance EntityMetadataVoiceResponse EntityMetadataVoice", Doc: "is extra data of an external scheduled event: where it takes place."},
	{Name: "RecurrenceRule", File: "scheduled_event", Schemas: "RecurrenceRuleResponse RecurrenceRule", Doc: "says when a scheduled event repeats."},
	{Name: "NWeekday", File: "scheduled_event", Schemas: "ByNWeekdayResponse ByNWeekday", Doc: "is a weekday of a given week of the month, such as the second Tuesday."},
	{Name: "CreateScheduledEventRequest", File: "scheduled_event", Schemas: "ExternalScheduledEventCreateRequest StageScheduledEventCreateRequest VoiceScheduledEventCreateRequest", Doc: "creates a scheduled event."},
	{Name: "UpdateScheduledEventRequest", File: "scheduled_event", Schemas: "ExternalScheduledEventPatchRequestPartial StageScheduledEventPatchRequestPartial VoiceScheduledEventPatchRequestPartial", Doc: "changes a scheduled event."},
	{Name: "ScheduledEventUser", File: "scheduled_event", Schemas: "ScheduledEventUserResponse", Doc: "is a user interested in a scheduled event."},
	{Name: "ScheduledEventUserCount", File: "scheduled_event", Schemas: "ScheduledEventUserCountResponse", Doc: "counts the users interested in a scheduled event and its exceptions."},
	{Name: "ScheduledEventException", File: "scheduled_event", Schemas: "GuildScheduledEventExceptionResponse", Doc: "changes or cancels one occurrence of a recurring scheduled event."},
	{Name: "CreateScheduledEventExceptionRequest", File: "scheduled_event", Schemas: "GuildScheduledEventExceptionCreateRequest", Doc: "changes or cancels one occurrence of a recurring scheduled event."},
	{Name: "UpdateScheduledEventExceptionRequest", File: "scheduled_event", Schemas: "GuildScheduledEventExceptionPatchRequestPartial", Doc: "changes an exception of a recurring scheduled event."},
	{Name: "StageInstance", File: "stage_instance", Schemas: "StageInstanceResponse", Doc: "is a live stage of a stage channel."},

	// Audit logs, integrations, monetization, templates.
	{Name: "AuditLog", File: "audit_log", Schemas: "GuildAuditLogResponse", Doc: "is a page of a guild's audit log and the objects its entries refer to."},
	{Name: "AuditLogEntry", File: "audit_log", Schemas: "AuditLogEntryResponse", Doc: "is one administrative action recorded in a guild's audit log."},
	{Name: "AuditLogChange", File: "audit_log", Schemas: "AuditLogObjectChangeResponse", Doc: "is one field an audited action changed, with its old and new JSON values."},
	{Name: "Integration", File: "integration", Schemas: "DiscordIntegrationResponse ExternalConnectionIntegrationResponse GuildSubscriptionIntegrationResponse PartialDiscordIntegrationResponse PartialExternalConnectionIntegrationResponse PartialGuildSubscriptionIntegrationResponse", Doc: "is a guild integration: a bot, or a Twitch or YouTube subscription."},
	{Name: "IntegrationAccount", File: "integration", Schemas: "AccountResponse", Doc: "is the account of an integration."},
	{Name: "Entitlement", File: "monetization", Schemas: "EntitlementResponse", Doc: "is a user's or guild's access to a premium offering of an application."},
	{Name: "CreateTestEntitlementRequest", File: "monetization", Schemas: "CreateEntitlementRequestData", Doc: "grants a test entitlement to a user or guild."},
	{Name: "Subscription", File: "monetization", Schemas: "SubscriptionResponse", Doc: "is a user's subscription to an application's SKUs."},
	{Name: "GuildTemplate", File: "guild_template", Schemas: "GuildTemplateResponse", Doc: "is a snapshot of a guild that can create new guilds."},
	{Name: "TemplateGuild", File: "guild_template", Schemas: "GuildTemplateSnapshotResponse", Doc: "is the guild a template copies."},
	{Name: "TemplateChannel", File: "guild_template", Schemas: "GuildTemplateChannelResponse", Doc: "is a channel of a guild template; IDs are placeholders local to the template."},
	{Name: "TemplateRole", File: "guild_template", Schemas: "GuildTemplateRoleResponse", Doc: "is a role of a guild template; IDs are placeholders local to the template."},
	{Name: "TemplateForumTag", File: "guild_template", Schemas: "GuildTemplateChannelTags", Doc: "is a forum tag of a guild template channel."},

	// Voice, gateway, OAuth2, lobbies.
	{Name: "VoiceState", File: "voice", Schemas: "VoiceStateResponse", Doc: "is a user's connection to a voice channel."},
	{Name: "VoiceRegion", File: "voice", Schemas: "VoiceRegionResponse", Doc: "is a voice server region."},
	{Name: "UpdateVoiceStateRequest", File: "voice", Schemas: "UpdateVoiceStateRequestPartial", Doc: "suppresses or unsuppresses another user in a stage channel."},
	{Name: "UpdateCurrentVoiceStateRequest", File: "voice", Schemas: "UpdateSelfVoiceStateRequestPartial", Doc: "changes the bot's own voice state in a stage channel."},
	{Name: "GatewayInfo", File: "gateway", Schemas: "GatewayResponse", Doc: "is the WebSocket URL to connect the gateway to."},
	{Name: "GatewayBot", File: "gateway", Schemas: "GatewayBotResponse", Doc: "is the gateway URL, the recommended shard count and the session start limit of a bot."},
	{Name: "SessionStartLimit", File: "gateway", Schemas: "GatewayBotSessionStartLimitResponse", Doc: "is how many gateway sessions a bot may still start, and how fast."},
	{Name: "AuthorizationInfo", File: "oauth2", Schemas: "OAuth2GetAuthorizationResponse", Doc: "describes the current OAuth2 authorization."},
	{Name: "OAuth2Keys", File: "oauth2", Schemas: "OAuth2GetKeys", Doc: "is Discord's set of OAuth2 signing keys (a JWKS)."},
	{Name: "OAuth2Key", File: "oauth2", Schemas: "OAuth2Key", Doc: "is one of Discord's OAuth2 signing keys."},
	{Name: "OpenIDUserInfo", File: "oauth2", Schemas: "OAuth2GetOpenIDConnectUserInfoResponse", Doc: "is the OpenID Connect user info of the current user."},
	{Name: "ProvisionalToken", File: "oauth2", Schemas: "ProvisionalTokenResponse", Doc: "is the token of a provisional account of the Social SDK."},
	{Name: "Lobby", File: "lobby", Schemas: "LobbyResponse", Doc: "is a lobby of the Social SDK: a group of users who can talk in a game."},
	{Name: "LobbyMember", File: "lobby", Schemas: "LobbyMemberResponse LobbyMemberRequest", Doc: "is a member of a lobby."},
	{Name: "LobbyMemberUpdate", File: "lobby", Schemas: "BulkLobbyMemberRequest", Doc: "adds, changes or removes one member of a lobby."},
	{Name: "LobbyMessage", File: "lobby", Schemas: "LobbyMessageResponse", Doc: "is a message sent in a lobby."},

	// GitHub-compatible webhooks.
	{Name: "GitHubWebhookRequest", File: "webhook_github", Schemas: "GithubWebhook", Doc: "is a GitHub-compatible webhook payload."},
	{Name: "GitHubAuthor", File: "webhook_github", Schemas: "GithubAuthor", Doc: "is the author of a commit in a GitHub-compatible webhook payload."},
	{Name: "GitHubCheckApp", File: "webhook_github", Schemas: "GithubCheckApp", Doc: "is a GitHub check app."},
	{Name: "GitHubCheckPullRequest", File: "webhook_github", Schemas: "GithubCheckPullRequest", Doc: "is a pull request of a GitHub check suite."},
	{Name: "GitHubCheckRun", File: "webhook_github", Schemas: "GithubCheckRun", Doc: "is a GitHub check run."},
	{Name: "GitHubCheckRunOutput", File: "webhook_github", Schemas: "GithubCheckRunOutput", Doc: "is the output of a GitHub check run."},
	{Name: "GitHubCheckSuite", File: "webhook_github", Schemas: "GithubCheckSuite", Doc: "is a GitHub check suite."},
	{Name: "GitHubComment", File: "webhook_github", Schemas: "GithubComment", Doc: "is a GitHub comment."},
	{Name: "GitHubCommit", File: "webhook_github", Schemas: "GithubCommit", Doc: "is a GitHub commit."},
	{Name: "GitHubDiscussion", File: "webhook_github", Schemas: "GithubDiscussion", Doc: "is a GitHub discussion."},
	{Name: "GitHubIssue", File: "webhook_github", Schemas: "GithubIssue", Doc: "is a GitHub issue or pull request."},
	{Name: "GitHubRelease", File: "webhook_github", Schemas: "GithubRelease", Doc: "is a GitHub release."},
	{Name: "GitHubRepository", File: "webhook_github", Schemas: "GithubRepository", Doc: "is a GitHub repository."},
	{Name: "GitHubReview", File: "webhook_github", Schemas: "GithubReview", Doc: "is a GitHub pull request review."},
	{Name: "GitHubUser", File: "webhook_github", Schemas: "GithubUser", Doc: "is a GitHub user."},
}

// inlineBodies names the request bodies the spec writes inline in an
// operation instead of as a component schema, by operationId.
var inlineBodies = map[string]model{
	"follow_channel":                                    {Name: "FollowChannelRequest", File: "channel", Doc: "follows an announcement channel into another channel through a webhook."},
	"bulk_delete_messages":                              {Name: "BulkDeleteMessagesRequest", File: "message", Doc: "deletes 2 to 100 messages younger than two weeks at once."},
	"set_channel_permission_overwrite":                  {Name: "EditPermissionOverwriteRequest", File: "channel", Doc: "sets the permission overwrite of a role or member in a channel."},
	"bulk_update_guild_channels":                        {Name: "ChannelPosition", File: "channel", Doc: "moves a channel, as one element of a channel positions update."},
	"update_guild_emoji":                                {Name: "UpdateGuildEmojiRequest", File: "emoji", Doc: "renames a guild emoji or changes the roles that may use it."},
	"update_guild_member":                               {Name: "UpdateMemberRequest", File: "member", Doc: "changes a member: nickname, roles, voice state, timeout, flags."},
	"action_guild_join_request":                         {Name: "JoinRequestActionRequest", File: "guild", Doc: "approves or rejects a request to join a guild."},
	"update_guild_widget_settings":                      {Name: "UpdateWidgetSettingsRequest", File: "guild", Doc: "turns a guild's widget on or off and sets its invite channel."},
	"set_guild_application_command_permissions":         {Name: "EditCommandPermissionsRequest", File: "command", Doc: "replaces the permissions of a command in a guild; it needs a Bearer token."},
	"create_stage_instance":                             {Name: "CreateStageInstanceRequest", File: "stage_instance", Doc: "starts a stage in a stage channel."},
	"update_stage_instance":                             {Name: "UpdateStageInstanceRequest", File: "stage_instance", Doc: "changes a live stage."},
	"create_lobby":                                      {Name: "CreateLobbyRequest", File: "lobby", Doc: "creates a lobby."},
	"edit_lobby_channel_link":                           {Name: "LinkLobbyChannelRequest", File: "lobby", Doc: "links a lobby to a guild channel, or unlinks it."},
	"partner_sdk_token":                                 {Name: "PartnerSDKTokenRequest", File: "lobby", Doc: "exchanges an external auth token for a provisional account's token."},
	"bot_partner_sdk_token":                             {Name: "BotPartnerSDKTokenRequest", File: "lobby", Doc: "gets the token of a provisional account for an external user, as the bot."},
	"partner_sdk_unmerge_provisional_account":           {Name: "UnmergeProvisionalAccountWithSecretRequest", File: "lobby", Doc: "unmerges a provisional account, authorised by the client secret."},
	"create_application_emoji":                          {Name: "CreateApplicationEmojiRequest", File: "emoji", Doc: "uploads an emoji owned by the application."},
	"update_application_emoji":                          {Name: "UpdateApplicationEmojiRequest", File: "emoji", Doc: "renames an application's emoji."},
	"create_guild_emoji":                                {Name: "CreateGuildEmojiRequest", File: "emoji", Doc: "uploads an emoji to a guild. The image is at most 256 KiB."},
	"add_group_dm_user":                                 {Name: "AddGroupDMRecipientRequest", File: "channel", Doc: "adds a user to a group DM with their OAuth2 access token."},
	"update_voice_channel_status":                       {Name: "UpdateVoiceChannelStatusRequest", File: "voice", Doc: "sets the status of a voice channel."},
	"create_webhook":                                    {Name: "CreateWebhookRequest", File: "webhook", Doc: "creates a webhook in a channel."},
	"update_webhook":                                    {Name: "UpdateWebhookRequest", File: "webhook", Doc: "changes a webhook."},
	"update_webhook_by_token":                           {Name: "UpdateWebhookWithTokenRequest", File: "webhook", Doc: "changes a webhook, authorised by its token."},
	"update_my_guild_member":                            {Name: "UpdateCurrentMemberRequest", File: "member", Doc: "changes the bot's own membership of a guild."},
	"create_guild_sticker":                              {Name: "CreateGuildStickerRequest", File: "sticker", Doc: "uploads a sticker to a guild. It is sent as multipart form data with the file."},
	"update_guild_sticker":                              {Name: "UpdateGuildStickerRequest", File: "sticker", Doc: "changes a guild sticker."},
	"create_guild_template":                             {Name: "CreateGuildTemplateRequest", File: "guild_template", Doc: "creates a template from a guild."},
	"update_guild_template":                             {Name: "UpdateGuildTemplateRequest", File: "guild_template", Doc: "changes a guild template."},
	"update_invite_target_users":                        {Name: "UpdateInviteTargetUsersRequest", File: "invite", Doc: "uploads the users an invite targets, as a CSV file in multipart form data."},
	"create_or_join_lobby":                              {Name: "CreateOrJoinLobbyRequest", File: "lobby", Doc: "creates a lobby, or joins the one with the same secret."},
	"edit_lobby":                                        {Name: "UpdateLobbyRequest", File: "lobby", Doc: "changes a lobby."},
	"add_lobby_member":                                  {Name: "AddLobbyMemberRequest", File: "lobby", Doc: "adds a user to a lobby, or changes their membership."},
	"update_lobby_message_external_moderation_metadata": {Name: "LobbyMessageModerationRequest", File: "lobby", Doc: "attaches external moderation metadata to a lobby message."},
	"update_user_message_external_moderation_metadata":  {Name: "DMModerationRequest", File: "lobby", Doc: "attaches external moderation metadata to a DM sent through the Social SDK."},
	"bot_partner_sdk_unmerge_provisional_account":       {Name: "UnmergeProvisionalAccountRequest", File: "lobby", Doc: "unmerges a provisional account from a Discord account."},
	"upload_application_attachment":                     {Name: "UploadApplicationAttachmentRequest", File: "application", Doc: "uploads a file for the application to use, as multipart form data."},
}

// fieldTypes replaces the Go type the spec implies for a field, keyed by
// "GoType.json_name", or "*.json_name" for every type.
var fieldTypes = map[string]string{
	"*.permissions":                           "Permissions",
	"*.allow":                                 "Permissions",
	"*.deny":                                  "Permissions",
	"*.default_member_permissions":            "Permissions",
	"*.locale":                                "Locale",
	"*.preferred_locale":                      "Locale",
	"*.color":                                 "Color",
	"*.accent_color":                          "Color",
	"*.primary_color":                         "Color",
	"*.secondary_color":                       "Color",
	"*.tertiary_color":                        "Color",
	"*.name_localizations":                    "map[Locale]string",
	"*.description_localizations":             "map[Locale]string",
	"*.nonce":                                 "Nonce",
	"*.authorizing_integration_owners":        "map[ApplicationIntegrationType]Snowflake",
	"ApplicationCommandOptionChoice.value":    "any",
	"ApplicationCommandOption.min_value":      "float64",
	"ApplicationCommandOption.max_value":      "float64",
	"AuditLogChange.new_value":                "json.RawMessage",
	"AuditLogChange.old_value":                "json.RawMessage",
	"Message.flags":                           "MessageFlags",
	"CreateMessageRequest.flags":              "MessageFlags",
	"EditMessageRequest.flags":                "MessageFlags",
	"ExecuteWebhookRequest.flags":             "MessageFlags",
	"EditWebhookMessageRequest.flags":         "MessageFlags",
	"InteractionResponseData.flags":           "MessageFlags",
	"ForumThreadMessage.flags":                "MessageFlags",
	"LobbyMessageRequest.flags":               "MessageFlags",
	"LobbyMessage.flags":                      "MessageFlags",
	"User.flags":                              "UserFlags",
	"User.public_flags":                       "UserFlags",
	"Channel.flags":                           "ChannelFlags",
	"UpdateChannelRequest.flags":              "ChannelFlags",
	"UpdateThreadRequest.flags":               "ChannelFlags",
	"Member.flags":                            "MemberFlags",
	"UpdateMemberRequest.flags":               "MemberFlags",
	"AddMemberRequest.flags":                  "MemberFlags",
	"Guild.system_channel_flags":              "SystemChannelFlags",
	"UpdateGuildRequest.system_channel_flags": "SystemChannelFlags",
	"Application.flags":                       "ApplicationFlags",
	"UpdateApplicationRequest.flags":          "ApplicationFlags",
	"Attachment.flags":                        "AttachmentFlags",
	"AttachmentRequest.flags":                 "AttachmentFlags",
	"ResolvedData.users":                      "map[Snowflake]User",
	"ResolvedData.members":                    "map[Snowflake]Member",
	"ResolvedData.channels":                   "map[Snowflake]Channel",
	"ResolvedData.roles":                      "map[Snowflake]Role",
	"RoleTags.premium_subscriber":             "Present",
	"RoleTags.available_for_purchase":         "Present",
	"RoleTags.guild_connections":              "Present",
	"SlackAttachment.color":                   "string",
	"UpdateGuildRequest.features":             "[]GuildFeature",
	"PruneRequest.include_roles":              "[]Snowflake",
}

// optionalFields are fields of create requests and shared types whose zero
// value is a value a bot may need to send, different from Discord's default.
var optionalFields = map[string]bool{
	"CreateApplicationCommandRequest.default_member_permissions":    true,
	"CreateApplicationCommandRequest.dm_permission":                 true,
	"OverwriteApplicationCommandRequest.default_member_permissions": true,
	"OverwriteApplicationCommandRequest.dm_permission":              true,
	"MessageReference.fail_if_not_exists":                           true,
	"ApplicationCommand.default_member_permissions":                 true,
	"CreateInviteRequest.max_age":                                   true,
	"CreateGroupDMInviteRequest.max_age":                            true,
	"CreateRoleRequest.permissions":                                 true,
	"ApplicationCommandOption.min_value":                            true,
	"ApplicationCommandOption.max_value":                            true,
}

// requestTypes are shared types (received and sent) that follow the rules of
// request bodies.
var requestTypes = map[string]bool{
	"InteractionResponse":     true,
	"InteractionResponseData": true,
	"ForumThreadMessage":      true,
	"RolePosition":            true,
	"LobbyMemberUpdate":       true,
	"ChannelPosition":         true,
}

// patchTypes are request types whose fields can be left, cleared or set,
// though their names do not start with Update or Edit.
var patchTypes = map[string]bool{"ChannelPosition": true, "RolePosition": true}

// notPatch are request types built from an update schema that still follow
// the rules of create requests, because most bots fill them in to send a new
// message: an InteractionResponseData's Content is a plain string.
var notPatch = map[string]bool{"InteractionResponseData": true}

// extraFields are fields Discord sends that the spec leaves out of a schema,
// per Go type: {json name, Go type, doc}.
var extraFields = map[string][][3]string{
	"ResolvedData": {
		{"messages", "map[Snowflake]Message", "are the messages a message command targets, by ID."},
		{"attachments", "map[Snowflake]Attachment", "are the files given to attachment options, by ID."},
	},
	"MessageInteraction": {
		{"member", "*Member", "is the partial member of the user who invoked the interaction, in guilds."},
	},
	"User": {
		{"member", "*Member", "is the partial guild member of a user mentioned in a MESSAGE_CREATE or MESSAGE_UPDATE event; elsewhere it is nil."},
	},
	"Entitlement": {
		{"subscription_id", "Snowflake", "is the subscription that granted the entitlement, for subscription SKUs."},
		{"promotion_id", "Snowflake", "is the promotion that granted the entitlement, if any."},
		{"gift_code_flags", "int", "are the flags of the gift code that granted the entitlement."},
	},
	"Message": {
		{"guild_id", "Snowflake", "is the guild of the message; MESSAGE_CREATE and MESSAGE_UPDATE events send it, REST responses do not."},
		{"member", "*Member", "is the author's membership of the guild, without User; MESSAGE_CREATE and MESSAGE_UPDATE events in guilds send it."},
	},
	"Member": {
		{"is_pending", "bool", "is an older name of Pending that Discord still sends in some payloads."},
	},
}

// maxLength overrides the spec's maximum length of a field, where Discord's
// documentation sets a lower limit for bots ("*.name" for every type).
var maxLength = map[string]int{
	// The spec allows 4000 characters, which only Nitro users may send;
	// bots and webhooks are held to 2000.
	"CreateMessageRequest.content":      2000,
	"EditMessageRequest.content":        2000,
	"ExecuteWebhookRequest.content":     2000,
	"EditWebhookMessageRequest.content": 2000,
	"InteractionResponseData.content":   2000,
	"ForumThreadMessage.content":        2000,
}

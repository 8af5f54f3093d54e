package main

// routeNames renames the routes whose operationId, in Go case, reads badly
// or strays from the words of Discord's docs. Every other route is named
// after its operationId: create_message is RouteCreateMessage.
var routeNames = map[string]string{
	"get_my_application":                                "GetCurrentApplication",
	"update_my_application":                             "UpdateCurrentApplication",
	"applications_get_activity_instance":                "GetApplicationActivityInstance",
	"bulk_set_application_commands":                     "BulkOverwriteApplicationCommands",
	"bulk_set_guild_application_commands":               "BulkOverwriteGuildApplicationCommands",
	"get_entitlements":                                  "ListEntitlements",
	"create_entitlement":                                "CreateTestEntitlement",
	"delete_entitlement":                                "DeleteTestEntitlement",
	"list_message_reactions_by_emoji":                   "ListMessageReactions",
	"add_my_message_reaction":                           "AddMessageReaction",
	"delete_my_message_reaction":                        "DeleteOwnMessageReaction",
	"deprecated_list_pins":                              "ListPinsDeprecated",
	"deprecated_create_pin":                             "CreatePinDeprecated",
	"deprecated_delete_pin":                             "DeletePinDeprecated",
	"get_answer_voters":                                 "GetPollAnswerVoters",
	"poll_expire":                                       "ExpirePoll",
	"add_group_dm_user":                                 "AddGroupDMRecipient",
	"delete_group_dm_user":                              "DeleteGroupDMRecipient",
	"create_thread_from_message":                        "StartThreadFromMessage",
	"create_thread":                                     "StartThread",
	"thread_search":                                     "SearchThreads",
	"list_my_private_archived_threads":                  "ListJoinedPrivateArchivedThreads",
	"bulk_update_guild_channels":                        "UpdateGuildChannelPositions",
	"bulk_update_guild_roles":                           "UpdateGuildRolePositions",
	"guild_search":                                      "SearchGuildMessages",
	"get_guilds_onboarding":                             "GetGuildOnboarding",
	"put_guilds_onboarding":                             "UpdateGuildOnboarding",
	"preview_prune_guild":                               "GetGuildPruneCount",
	"get_guild_join_requests":                           "ListGuildJoinRequests",
	"action_guild_join_request":                         "ReviewGuildJoinRequest",
	"guild_role_member_counts":                          "GetGuildRoleMemberCounts",
	"update_my_guild_member":                            "UpdateCurrentGuildMember",
	"get_self_voice_state":                              "GetCurrentVoiceState",
	"update_self_voice_state":                           "UpdateCurrentVoiceState",
	"get_guild_webhooks":                                "ListGuildWebhooks",
	"invite_resolve":                                    "GetInvite",
	"invite_revoke":                                     "DeleteInvite",
	"edit_lobby":                                        "UpdateLobby",
	"edit_lobby_channel_link":                           "UpdateLobbyChannelLink",
	"create_linked_lobby_guild_invite_for_self":         "CreateLobbyGuildInvite",
	"create_linked_lobby_guild_invite_for_user":         "CreateLobbyGuildInviteForUser",
	"get_lobby_messages":                                "ListLobbyMessages",
	"update_lobby_message_external_moderation_metadata": "UpdateLobbyMessageModerationMetadata",
	"update_user_message_external_moderation_metadata":  "UpdateDMModerationMetadata",
	"get_my_oauth2_authorization":                       "GetCurrentOAuth2Authorization",
	"get_my_oauth2_application":                         "GetCurrentOAuth2Application",
	"get_public_keys":                                   "GetOAuth2Keys",
	"get_openid_connect_userinfo":                       "GetOpenIDUserInfo",
	"get_sku_subscriptions":                             "ListSKUSubscriptions",
	"get_my_user":                                       "GetCurrentUser",
	"update_my_user":                                    "UpdateCurrentUser",
	"get_current_user_application_entitlements":         "ListCurrentUserEntitlements",
	"list_my_connections":                               "ListCurrentUserConnections",
	"list_my_guilds":                                    "ListCurrentUserGuilds",
	"get_my_guild_member":                               "GetCurrentUserGuildMember",
	"get_webhook_by_token":                              "GetWebhookWithToken",
	"update_webhook_by_token":                           "UpdateWebhookWithToken",
	"delete_webhook_by_token":                           "DeleteWebhookWithToken",
	"get_original_webhook_message":                      "GetOriginalInteractionResponse",
	"update_original_webhook_message":                   "UpdateOriginalInteractionResponse",
	"delete_original_webhook_message":                   "DeleteOriginalInteractionResponse",
}

// initialisms are the words of operationIds written in capitals in Go.
var initialisms = map[string]string{
	"id": "ID", "dm": "DM", "sku": "SKU", "oauth2": "OAuth2", "url": "URL",
	"png": "PNG", "sdk": "SDK", "github": "GitHub", "openid": "OpenID",
	"userinfo": "UserInfo",
}

// resources lists the resources of the REST client, one per Discord area.
// A resource with no operation in the spec (SKUs: "List SKUs" is only in the
// docs) is still listed, so the client keeps Discord's map.
var resources = []string{
	"Applications", "Commands", "Channels", "Messages", "Reactions", "Threads",
	"Guilds", "Members", "Roles", "Bans", "Emojis", "Stickers", "Invites",
	"Webhooks", "Interactions", "ScheduledEvents", "StageInstances",
	"GuildTemplates", "AuditLogs", "AutoModeration", "Soundboard",
	"Entitlements", "SKUs", "Subscriptions", "Polls", "Users", "Voice",
	"Gateway", "OAuth2", "Lobbies", "PartnerSDK",
}

// methods names, for every operation, the resource of the REST client and
// the method on it that calls the operation: c.Messages.Create calls
// create_message. Nouns are Discord's areas, verbs are Go's: Get, List,
// Create, Update (Discord's "Modify" and "Edit"), Delete; Add and Remove
// for memberships (a member's role, a thread member, a reaction).
var methods = map[string]string{
	// Applications.
	"get_my_application":                           "Applications.GetCurrent",
	"update_my_application":                        "Applications.UpdateCurrent",
	"get_application":                              "Applications.Get",
	"update_application":                           "Applications.Update",
	"applications_get_activity_instance":           "Applications.GetActivityInstance",
	"upload_application_attachment":                "Applications.UploadAttachment",
	"get_application_role_connections_metadata":    "Applications.ListRoleConnectionMetadata",
	"update_application_role_connections_metadata": "Applications.UpdateRoleConnectionMetadata",

	// Application commands, global and per guild, and their permissions.
	"list_application_commands":                  "Commands.ListGlobal",
	"bulk_set_application_commands":              "Commands.BulkOverwriteGlobal",
	"create_application_command":                 "Commands.CreateGlobal",
	"get_application_command":                    "Commands.GetGlobal",
	"update_application_command":                 "Commands.UpdateGlobal",
	"delete_application_command":                 "Commands.DeleteGlobal",
	"list_guild_application_commands":            "Commands.ListGuild",
	"bulk_set_guild_application_commands":        "Commands.BulkOverwriteGuild",
	"create_guild_application_command":           "Commands.CreateGuild",
	"get_guild_application_command":              "Commands.GetGuild",
	"update_guild_application_command":           "Commands.UpdateGuild",
	"delete_guild_application_command":           "Commands.DeleteGuild",
	"list_guild_application_command_permissions": "Commands.ListPermissions",
	"get_guild_application_command_permissions":  "Commands.GetPermissions",
	"set_guild_application_command_permissions":  "Commands.SetPermissions",

	// Channels.
	"get_channel":                         "Channels.Get",
	"update_channel":                      "Channels.Update",
	"delete_channel":                      "Channels.Delete",
	"follow_channel":                      "Channels.Follow",
	"set_channel_permission_overwrite":    "Channels.SetPermissionOverwrite",
	"delete_channel_permission_overwrite": "Channels.DeletePermissionOverwrite",
	"trigger_typing_indicator":            "Channels.TriggerTyping",
	"add_group_dm_user":                   "Channels.AddRecipient",
	"delete_group_dm_user":                "Channels.RemoveRecipient",
	"update_voice_channel_status":         "Channels.SetVoiceStatus",
	"list_guild_channels":                 "Channels.List",
	"create_guild_channel":                "Channels.Create",
	"bulk_update_guild_channels":          "Channels.UpdatePositions",

	// Messages.
	"list_messages":         "Messages.List",
	"create_message":        "Messages.Create",
	"get_message":           "Messages.Get",
	"update_message":        "Messages.Update",
	"delete_message":        "Messages.Delete",
	"bulk_delete_messages":  "Messages.BulkDelete",
	"crosspost_message":     "Messages.Crosspost",
	"list_pins":             "Messages.ListPins",
	"create_pin":            "Messages.Pin",
	"delete_pin":            "Messages.Unpin",
	"deprecated_list_pins":  "Messages.ListPinsDeprecated",
	"deprecated_create_pin": "Messages.PinDeprecated",
	"deprecated_delete_pin": "Messages.UnpinDeprecated",
	"guild_search":          "Messages.Search",

	// Reactions.
	"list_message_reactions_by_emoji":       "Reactions.List",
	"add_my_message_reaction":               "Reactions.Add",
	"delete_my_message_reaction":            "Reactions.Remove",
	"delete_user_message_reaction":          "Reactions.RemoveUser",
	"delete_all_message_reactions":          "Reactions.RemoveAll",
	"delete_all_message_reactions_by_emoji": "Reactions.RemoveEmoji",

	// Threads.
	"create_thread":                    "Threads.Start",
	"create_thread_from_message":       "Threads.StartFromMessage",
	"join_thread":                      "Threads.Join",
	"leave_thread":                     "Threads.Leave",
	"list_thread_members":              "Threads.ListMembers",
	"get_thread_member":                "Threads.GetMember",
	"add_thread_member":                "Threads.AddMember",
	"delete_thread_member":             "Threads.RemoveMember",
	"list_public_archived_threads":     "Threads.ListPublicArchived",
	"list_private_archived_threads":    "Threads.ListPrivateArchived",
	"list_my_private_archived_threads": "Threads.ListJoinedPrivateArchived",
	"get_active_guild_threads":         "Threads.ListActive",
	"thread_search":                    "Threads.Search",

	// Guilds.
	"get_guild":                     "Guilds.Get",
	"update_guild":                  "Guilds.Update",
	"get_guild_preview":             "Guilds.GetPreview",
	"update_guild_incident_actions": "Guilds.UpdateIncidentActions",
	"list_guild_integrations":       "Guilds.ListIntegrations",
	"delete_guild_integration":      "Guilds.DeleteIntegration",
	"get_guild_new_member_welcome":  "Guilds.GetNewMemberWelcome",
	"get_guilds_onboarding":         "Guilds.GetOnboarding",
	"put_guilds_onboarding":         "Guilds.UpdateOnboarding",
	"preview_prune_guild":           "Guilds.GetPruneCount",
	"prune_guild":                   "Guilds.Prune",
	"get_guild_join_requests":       "Guilds.ListJoinRequests",
	"action_guild_join_request":     "Guilds.ReviewJoinRequest",
	"get_guild_vanity_url":          "Guilds.GetVanityURL",
	"get_guild_welcome_screen":      "Guilds.GetWelcomeScreen",
	"update_guild_welcome_screen":   "Guilds.UpdateWelcomeScreen",
	"get_guild_widget_settings":     "Guilds.GetWidgetSettings",
	"update_guild_widget_settings":  "Guilds.UpdateWidgetSettings",
	"get_guild_widget":              "Guilds.GetWidget",
	"get_guild_widget_png":          "Guilds.GetWidgetImage",

	// Members.
	"list_guild_members":       "Members.List",
	"search_guild_members":     "Members.Search",
	"get_guild_member":         "Members.Get",
	"add_guild_member":         "Members.Add",
	"update_guild_member":      "Members.Update",
	"update_my_guild_member":   "Members.UpdateCurrent",
	"delete_guild_member":      "Members.Remove",
	"add_guild_member_role":    "Members.AddRole",
	"delete_guild_member_role": "Members.RemoveRole",

	// Roles.
	"list_guild_roles":         "Roles.List",
	"create_guild_role":        "Roles.Create",
	"get_guild_role":           "Roles.Get",
	"update_guild_role":        "Roles.Update",
	"delete_guild_role":        "Roles.Delete",
	"bulk_update_guild_roles":  "Roles.UpdatePositions",
	"guild_role_member_counts": "Roles.CountMembers",

	// Bans.
	"list_guild_bans":           "Bans.List",
	"get_guild_ban":             "Bans.Get",
	"ban_user_from_guild":       "Bans.Create",
	"unban_user_from_guild":     "Bans.Delete",
	"bulk_ban_users_from_guild": "Bans.BulkCreate",

	// Emojis: a guild's, and the application's own.
	"list_guild_emojis":        "Emojis.List",
	"create_guild_emoji":       "Emojis.Create",
	"get_guild_emoji":          "Emojis.Get",
	"update_guild_emoji":       "Emojis.Update",
	"delete_guild_emoji":       "Emojis.Delete",
	"list_application_emojis":  "Emojis.ListApplication",
	"create_application_emoji": "Emojis.CreateApplication",
	"get_application_emoji":    "Emojis.GetApplication",
	"update_application_emoji": "Emojis.UpdateApplication",
	"delete_application_emoji": "Emojis.DeleteApplication",

	// Stickers: a guild's, any sticker by ID, and the standard packs.
	"list_guild_stickers":  "Stickers.List",
	"create_guild_sticker": "Stickers.Create",
	"get_guild_sticker":    "Stickers.Get",
	"update_guild_sticker": "Stickers.Update",
	"delete_guild_sticker": "Stickers.Delete",
	"get_sticker":          "Stickers.GetByID",
	"list_sticker_packs":   "Stickers.ListPacks",
	"get_sticker_pack":     "Stickers.GetPack",

	// Invites.
	"list_channel_invites":               "Invites.ListChannel",
	"list_guild_invites":                 "Invites.ListGuild",
	"create_channel_invite":              "Invites.Create",
	"invite_resolve":                     "Invites.Get",
	"invite_revoke":                      "Invites.Delete",
	"get_invite_target_users":            "Invites.GetTargetUsers",
	"update_invite_target_users":         "Invites.UpdateTargetUsers",
	"get_invite_target_users_job_status": "Invites.GetTargetUsersJobStatus",

	// Webhooks, including the messages sent with a webhook's token (an
	// interaction's follow-up messages use these routes too).
	"list_channel_webhooks":             "Webhooks.ListChannel",
	"get_guild_webhooks":                "Webhooks.ListGuild",
	"create_webhook":                    "Webhooks.Create",
	"get_webhook":                       "Webhooks.Get",
	"update_webhook":                    "Webhooks.Update",
	"delete_webhook":                    "Webhooks.Delete",
	"get_webhook_by_token":              "Webhooks.GetWithToken",
	"update_webhook_by_token":           "Webhooks.UpdateWithToken",
	"delete_webhook_by_token":           "Webhooks.DeleteWithToken",
	"execute_webhook":                   "Webhooks.Execute",
	"execute_github_compatible_webhook": "Webhooks.ExecuteGitHub",
	"execute_slack_compatible_webhook":  "Webhooks.ExecuteSlack",
	"get_webhook_message":               "Webhooks.GetMessage",
	"update_webhook_message":            "Webhooks.UpdateMessage",
	"delete_webhook_message":            "Webhooks.DeleteMessage",

	// Interactions: the callback and the original response.
	"create_interaction_response":     "Interactions.Respond",
	"get_original_webhook_message":    "Interactions.GetResponse",
	"update_original_webhook_message": "Interactions.UpdateResponse",
	"delete_original_webhook_message": "Interactions.DeleteResponse",

	// Guild scheduled events and their exceptions.
	"list_guild_scheduled_events":                "ScheduledEvents.List",
	"create_guild_scheduled_event":               "ScheduledEvents.Create",
	"get_guild_scheduled_event":                  "ScheduledEvents.Get",
	"update_guild_scheduled_event":               "ScheduledEvents.Update",
	"delete_guild_scheduled_event":               "ScheduledEvents.Delete",
	"list_guild_scheduled_event_users":           "ScheduledEvents.ListUsers",
	"count_guild_scheduled_event_users":          "ScheduledEvents.CountUsers",
	"create_guild_scheduled_event_exception":     "ScheduledEvents.CreateException",
	"update_guild_scheduled_event_exception":     "ScheduledEvents.UpdateException",
	"delete_guild_scheduled_event_exception":     "ScheduledEvents.DeleteException",
	"list_guild_scheduled_event_exception_users": "ScheduledEvents.ListExceptionUsers",

	// Stage instances.
	"create_stage_instance": "StageInstances.Create",
	"get_stage_instance":    "StageInstances.Get",
	"update_stage_instance": "StageInstances.Update",
	"delete_stage_instance": "StageInstances.Delete",

	// Guild templates.
	"get_guild_template":    "GuildTemplates.Get",
	"list_guild_templates":  "GuildTemplates.List",
	"create_guild_template": "GuildTemplates.Create",
	"sync_guild_template":   "GuildTemplates.Sync",
	"update_guild_template": "GuildTemplates.Update",
	"delete_guild_template": "GuildTemplates.Delete",

	// Audit logs.
	"list_guild_audit_log_entries": "AuditLogs.Get",

	// Auto moderation.
	"list_auto_moderation_rules":  "AutoModeration.ListRules",
	"create_auto_moderation_rule": "AutoModeration.CreateRule",
	"get_auto_moderation_rule":    "AutoModeration.GetRule",
	"update_auto_moderation_rule": "AutoModeration.UpdateRule",
	"delete_auto_moderation_rule": "AutoModeration.DeleteRule",

	// Soundboard.
	"send_soundboard_sound":         "Soundboard.Send",
	"get_soundboard_default_sounds": "Soundboard.ListDefault",
	"list_guild_soundboard_sounds":  "Soundboard.List",
	"create_guild_soundboard_sound": "Soundboard.Create",
	"get_guild_soundboard_sound":    "Soundboard.Get",
	"update_guild_soundboard_sound": "Soundboard.Update",
	"delete_guild_soundboard_sound": "Soundboard.Delete",

	// Entitlements.
	"get_entitlements":                          "Entitlements.List",
	"get_entitlement":                           "Entitlements.Get",
	"create_entitlement":                        "Entitlements.CreateTest",
	"delete_entitlement":                        "Entitlements.DeleteTest",
	"consume_entitlement":                       "Entitlements.Consume",
	"get_current_user_application_entitlements": "Entitlements.ListCurrentUser",

	// Subscriptions.
	"get_sku_subscriptions": "Subscriptions.List",
	"get_sku_subscription":  "Subscriptions.Get",

	// Polls.
	"get_answer_voters": "Polls.ListAnswerVoters",
	"poll_expire":       "Polls.End",

	// Users.
	"get_my_user":                          "Users.GetCurrent",
	"update_my_user":                       "Users.UpdateCurrent",
	"get_user":                             "Users.Get",
	"create_dm":                            "Users.CreateDM",
	"list_my_connections":                  "Users.ListConnections",
	"list_my_guilds":                       "Users.ListGuilds",
	"leave_guild":                          "Users.LeaveGuild",
	"get_my_guild_member":                  "Users.GetGuildMember",
	"get_application_user_role_connection": "Users.GetRoleConnection",
	"update_application_user_role_connection": "Users.UpdateRoleConnection",
	"delete_application_user_role_connection": "Users.DeleteRoleConnection",

	// Voice.
	"list_voice_regions":       "Voice.ListRegions",
	"list_guild_voice_regions": "Voice.ListGuildRegions",
	"get_self_voice_state":     "Voice.GetCurrentState",
	"update_self_voice_state":  "Voice.UpdateCurrentState",
	"get_voice_state":          "Voice.GetState",
	"update_voice_state":       "Voice.UpdateState",

	// Gateway.
	"get_gateway":     "Gateway.Get",
	"get_bot_gateway": "Gateway.GetBot",

	// OAuth2.
	"get_my_oauth2_authorization": "OAuth2.GetCurrentAuthorization",
	"get_my_oauth2_application":   "OAuth2.GetCurrentApplication",
	"get_public_keys":             "OAuth2.GetKeys",
	"get_openid_connect_userinfo": "OAuth2.GetUserInfo",

	// Lobbies of the Social SDK.
	"create_lobby":              "Lobbies.Create",
	"create_or_join_lobby":      "Lobbies.CreateOrJoin",
	"get_lobby":                 "Lobbies.Get",
	"edit_lobby":                "Lobbies.Update",
	"delete_lobby":              "Lobbies.Delete",
	"edit_lobby_channel_link":   "Lobbies.UpdateChannelLink",
	"leave_lobby":               "Lobbies.Leave",
	"add_lobby_member":          "Lobbies.AddMember",
	"delete_lobby_member":       "Lobbies.RemoveMember",
	"bulk_update_lobby_members": "Lobbies.BulkUpdateMembers",
	"create_linked_lobby_guild_invite_for_self":         "Lobbies.CreateGuildInvite",
	"create_linked_lobby_guild_invite_for_user":         "Lobbies.CreateGuildInviteForUser",
	"get_lobby_messages":                                "Lobbies.ListMessages",
	"create_lobby_message":                              "Lobbies.CreateMessage",
	"update_lobby_message_external_moderation_metadata": "Lobbies.UpdateMessageModerationMetadata",

	// The Partner SDK: provisional accounts and DM moderation.
	"partner_sdk_token":                                "PartnerSDK.CreateProvisionalToken",
	"bot_partner_sdk_token":                            "PartnerSDK.CreateProvisionalTokenAsBot",
	"partner_sdk_unmerge_provisional_account":          "PartnerSDK.UnmergeProvisionalAccount",
	"bot_partner_sdk_unmerge_provisional_account":      "PartnerSDK.UnmergeProvisionalAccountAsBot",
	"update_user_message_external_moderation_metadata": "PartnerSDK.UpdateDMModerationMetadata",
}

// emptySchemas are schemas with no properties at all: a body of that schema
// carries nothing, so the route names no Go type for it.
var emptySchemas = map[string]bool{
	"TypingIndicatorResponse":   true,
	"UnbanUserFromGuildRequest": true,
}

// requestOverrides replaces the request types derived from the spec where
// its union misleads or its order does not put the usual body first. Every
// type named here must be one the spec allows.
var requestOverrides = map[string]string{
	// The spec lets execute_webhook take an edit body too; a bot sends the
	// execute body.
	"execute_webhook":       "discord.ExecuteWebhookRequest",
	"update_channel":        "discord.UpdateChannelRequest | discord.UpdateThreadRequest | discord.UpdateGroupDMRequest | discord.UpdateDMRequest",
	"create_channel_invite": "discord.CreateInviteRequest | discord.CreateGroupDMInviteRequest",
	"create_thread":         "discord.StartThreadRequest | discord.StartForumThreadRequest",
}

// responseOverrides gives the Go type of response bodies that are not a
// component schema.
var responseOverrides = map[string]string{
	"guild_role_member_counts":         "map[discord.Snowflake]int", // role ID → member count
	"get_guild_widget_png":             "[]byte",                    // image/png
	"get_invite_target_users":          "[]byte",                    // text/csv
	"execute_slack_compatible_webhook": "string",
}

package discordtest

// restHandlers maps the operations the emulator keeps state for to their
// handlers; every other operation of the spec answers from its response
// schema (rest_fallback.go).
func (s *Server) restHandlers() map[string]handler {
	return map[string]handler{
		// Gateway and users (rest_users.go).
		"get_gateway":               (*call).getGateway,
		"get_bot_gateway":           (*call).getBotGateway,
		"get_my_user":               (*call).getMe,
		"update_my_user":            (*call).updateMe,
		"get_user":                  (*call).getUser,
		"create_dm":                 (*call).createDM,
		"list_my_guilds":            (*call).listMyGuilds,
		"leave_guild":               (*call).leaveGuild,
		"get_my_application":        (*call).getApplication,
		"get_application":           (*call).getApplication,
		"get_my_oauth2_application": (*call).getApplication,

		// Channels (rest_channels.go).
		"get_channel":                         (*call).getChannel,
		"update_channel":                      (*call).updateChannel,
		"delete_channel":                      (*call).deleteChannel,
		"set_channel_permission_overwrite":    (*call).setOverwrite,
		"delete_channel_permission_overwrite": (*call).deleteOverwrite,
		"list_guild_channels":                 (*call).listGuildChannels,
		"create_guild_channel":                (*call).createGuildChannel,
		"bulk_update_guild_channels":          (*call).moveGuildChannels,

		// Threads (rest_threads.go).
		"create_thread_from_message": (*call).createThreadFromMessage,
		"create_thread":              (*call).createThread,
		"get_active_guild_threads":   (*call).activeThreads,

		// Messages (rest_messages.go).
		"list_messages":        (*call).listMessages,
		"create_message":       (*call).createMessage,
		"get_message":          (*call).getMessage,
		"update_message":       (*call).updateMessage,
		"delete_message":       (*call).deleteMessage,
		"bulk_delete_messages": (*call).bulkDeleteMessages,
		"crosspost_message":    (*call).crosspostMessage,

		// Reactions, pins and typing (rest_reactions.go).
		"add_my_message_reaction":               (*call).addReaction,
		"delete_my_message_reaction":            (*call).removeReaction,
		"delete_user_message_reaction":          (*call).removeReaction,
		"delete_all_message_reactions":          (*call).removeReactions,
		"delete_all_message_reactions_by_emoji": (*call).removeReactions,
		"list_message_reactions_by_emoji":       (*call).listReactions,
		"list_pins":                             (*call).listPins,
		"create_pin":                            (*call).createPin,
		"delete_pin":                            (*call).deletePin,
		"deprecated_list_pins":                  (*call).listPinsDeprecated,
		"deprecated_create_pin":                 (*call).createPin,
		"deprecated_delete_pin":                 (*call).deletePin,
		"trigger_typing_indicator":              (*call).triggerTyping,

		// Guilds and roles (rest_guilds.go).
		"get_guild":                (*call).getGuild,
		"update_guild":             (*call).updateGuild,
		"list_guild_roles":         (*call).listRoles,
		"get_guild_role":           (*call).getRole,
		"create_guild_role":        (*call).createRole,
		"update_guild_role":        (*call).updateRole,
		"bulk_update_guild_roles":  (*call).moveRoles,
		"delete_guild_role":        (*call).deleteRole,
		"guild_role_member_counts": (*call).roleMemberCounts,

		// Members and bans (rest_members.go).
		"get_guild_member":          (*call).getMember,
		"list_guild_members":        (*call).listMembers,
		"search_guild_members":      (*call).listMembers,
		"add_guild_member":          (*call).addMember,
		"update_guild_member":       (*call).updateMember,
		"update_my_guild_member":    (*call).updateMember,
		"delete_guild_member":       (*call).kickMember,
		"add_guild_member_role":     (*call).addMemberRole,
		"delete_guild_member_role":  (*call).removeMemberRole,
		"list_guild_bans":           (*call).listBans,
		"get_guild_ban":             (*call).getBan,
		"ban_user_from_guild":       (*call).banUser,
		"unban_user_from_guild":     (*call).unbanUser,
		"bulk_ban_users_from_guild": (*call).bulkBan,

		// Emojis (rest_emojis.go).
		"list_guild_emojis":        (*call).listGuildEmojis,
		"get_guild_emoji":          (*call).getGuildEmoji,
		"create_guild_emoji":       (*call).changeGuildEmoji,
		"update_guild_emoji":       (*call).changeGuildEmoji,
		"delete_guild_emoji":       (*call).changeGuildEmoji,
		"list_application_emojis":  (*call).listAppEmojis,
		"get_application_emoji":    (*call).getAppEmoji,
		"create_application_emoji": (*call).changeAppEmoji,
		"update_application_emoji": (*call).changeAppEmoji,
		"delete_application_emoji": (*call).changeAppEmoji,

		// Webhooks (rest_webhooks.go); interaction follow-ups share their
		// routes (rest_interactions.go).
		"create_webhook":                  (*call).createWebhook,
		"list_channel_webhooks":           (*call).listWebhooks,
		"get_guild_webhooks":              (*call).listWebhooks,
		"get_webhook":                     (*call).getWebhook,
		"get_webhook_by_token":            (*call).getWebhook,
		"update_webhook":                  (*call).updateWebhook,
		"update_webhook_by_token":         (*call).updateWebhook,
		"delete_webhook":                  (*call).deleteWebhook,
		"delete_webhook_by_token":         (*call).deleteWebhook,
		"execute_webhook":                 (*call).executeWebhook,
		"get_webhook_message":             (*call).getWebhookMessage,
		"get_original_webhook_message":    (*call).getWebhookMessage,
		"update_webhook_message":          (*call).updateWebhookMessage,
		"update_original_webhook_message": (*call).updateWebhookMessage,
		"delete_webhook_message":          (*call).deleteWebhookMessage,
		"delete_original_webhook_message": (*call).deleteWebhookMessage,

		// Application commands (rest_commands.go).
		"list_application_commands":           (*call).listCommands,
		"create_application_command":          (*call).createCommand,
		"get_application_command":             (*call).getCommand,
		"update_application_command":          (*call).updateCommand,
		"delete_application_command":          (*call).deleteCommand,
		"bulk_set_application_commands":       (*call).overwriteCommands,
		"list_guild_application_commands":     (*call).listCommands,
		"create_guild_application_command":    (*call).createCommand,
		"get_guild_application_command":       (*call).getCommand,
		"update_guild_application_command":    (*call).updateCommand,
		"delete_guild_application_command":    (*call).deleteCommand,
		"bulk_set_guild_application_commands": (*call).overwriteCommands,

		// Interactions (rest_interactions.go).
		"create_interaction_response": (*call).interactionCallback,
	}
}

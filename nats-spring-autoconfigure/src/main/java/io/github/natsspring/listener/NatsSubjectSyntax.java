package io.github.natsspring.listener;

import org.jspecify.annotations.Nullable;

/**
 * The subject rules of NATS: dot-separated, non-empty tokens without whitespace; in a subscription the
 * wildcards {@code *} (one token) and {@code >} (the remaining tokens, last only) stand as whole tokens.
 * <p>
 * nats-server takes a token such as {@code orders*} literally; here it is rejected, because in a listener
 * declaration it is almost always a mistyped wildcard.
 */
public final class NatsSubjectSyntax {

	private NatsSubjectSyntax() {
	}

	/**
	 * Checks a subject a listener subscribes to.
	 * @param subject the subject, possibly with wildcards
	 * @return {@code null} when valid, otherwise the reason it is not
	 */
	public static @Nullable String checkSubscriptionSubject(String subject) {
		return check(subject, true);
	}

	/**
	 * Checks a subject a message is published to.
	 * @param subject the subject, without wildcards
	 * @return {@code null} when valid, otherwise the reason it is not
	 */
	public static @Nullable String checkPublishSubject(@Nullable String subject) {
		return check(subject, false);
	}

	private static @Nullable String check(@Nullable String subject, boolean wildcardsAllowed) {
		if (subject == null || subject.isEmpty()) {
			return "the subject is empty";
		}
		String[] tokens = subject.split("\\.", -1);
		for (int i = 0; i < tokens.length; i++) {
			String reason = checkToken(tokens[i], i == tokens.length - 1, wildcardsAllowed);
			if (reason != null) {
				return "subject '" + subject + "': " + reason;
			}
		}
		return null;
	}

	private static @Nullable String checkToken(String token, boolean last, boolean wildcardsAllowed) {
		if (token.isEmpty()) {
			return "empty token";
		}
		for (int i = 0; i < token.length(); i++) {
			if (Character.isWhitespace(token.charAt(i))) {
				return "whitespace is not allowed";
			}
		}
		if (token.equals("*") || token.equals(">")) {
			if (!wildcardsAllowed) {
				return "wildcards are not allowed in a publish subject";
			}
			if (token.equals(">") && !last) {
				return "'>' must be the last token";
			}
			return null;
		}
		if (token.indexOf('*') >= 0 || token.indexOf('>') >= 0) {
			return "wildcards must be whole tokens, got '" + token + "'";
		}
		return null;
	}
}

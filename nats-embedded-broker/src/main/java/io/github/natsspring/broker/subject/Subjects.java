package io.github.natsspring.broker.subject;

/**
 * NATS subject rules as nats-server 2.9.10 applies them to client traffic.
 * <p>
 * A subject is a sequence of non-empty tokens separated by {@code '.'}. In a subscription, a token that is
 * exactly {@code *} matches any one token and a token that is exactly {@code >} matches one or more trailing
 * tokens, so it may only be the last token. A {@code *} or {@code >} inside a longer token ({@code foo*}) is an
 * ordinary character. The server checks nothing else: any other byte, control characters and invalid UTF-8
 * included, is accepted (spaces and tabs never reach it, because they separate protocol arguments).
 * <p>
 * Queue group names are not validated by nats-server at all, so there is no rule for them here.
 */
public final class Subjects {

	/** The character that separates subject tokens. */
	public static final char TOKEN_SEPARATOR = '.';

	/** The wildcard token that matches exactly one token. */
	public static final String SINGLE_WILDCARD = "*";

	/** The wildcard token that matches one or more trailing tokens. */
	public static final String FULL_WILDCARD = ">";

	private Subjects() {
	}

	/**
	 * Whether a client may subscribe to the subject: no empty token, and {@code >} only as the last token.
	 * A subscription to anything else is refused with {@code -ERR 'Invalid Subject'}.
	 * @param subject the subject of a {@code SUB}
	 * @return whether nats-server would accept the subscription
	 */
	public static boolean isValidSubscribeSubject(String subject) {
		int length = subject.length();
		if (length == 0) {
			return false;
		}
		int start = 0;
		while (true) {
			int end = subject.indexOf(TOKEN_SEPARATOR, start);
			if (end < 0) {
				return start < length;
			}
			if (end == start || (end - start == 1 && subject.charAt(start) == '>')) {
				return false;
			}
			start = end + 1;
		}
	}

	/**
	 * Whether a pedantic client may publish to the subject: a valid subject without wildcard tokens.
	 * A pedantic client publishing anywhere else gets {@code -ERR 'Invalid Publish Subject'}.
	 * @param subject the subject of a {@code PUB} or {@code HPUB}
	 * @return whether nats-server's pedantic check would accept the publish
	 */
	public static boolean isValidPublishSubject(String subject) {
		return isValidSubscribeSubject(subject) && isLiteral(subject);
	}

	/**
	 * Whether the subject has no wildcard token, that is no token that is exactly {@code *} or {@code >}.
	 * Tokens such as {@code foo*} are literal. Says nothing about empty tokens.
	 * @param subject any subject
	 * @return whether the subject contains no wildcard token
	 */
	public static boolean isLiteral(String subject) {
		int length = subject.length();
		for (int i = 0; i < length; i++) {
			char c = subject.charAt(i);
			if ((c == '*' || c == '>') && (i == 0 || subject.charAt(i - 1) == TOKEN_SEPARATOR)
					&& (i + 1 == length || subject.charAt(i + 1) == TOKEN_SEPARATOR)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether a message published on {@code subject} is delivered to a subscription on {@code pattern}.
	 * The published subject's tokens are taken literally, so a published {@code a.*} matches the subscriptions
	 * {@code a.*}, {@code *.*}, {@code a.>} and {@code >} but not {@code a.b}; a published subject with an empty
	 * token matches nothing, as in nats-server.
	 * @param pattern a valid subscription subject, possibly with wildcards
	 * @param subject the subject a message was published on
	 * @return whether the subscription receives the message
	 */
	public static boolean matches(String pattern, String subject) {
		int patternLength = pattern.length();
		int subjectLength = subject.length();
		if (subjectLength == 0) {
			return false;
		}
		int p = 0;
		int s = 0;
		while (true) {
			int patternEnd = tokenEnd(pattern, p);
			int subjectEnd = tokenEnd(subject, s);
			if (subjectEnd == s) {
				return false;
			}
			int patternTokenLength = patternEnd - p;
			if (patternTokenLength == 1 && pattern.charAt(p) == '>') {
				return hasNoEmptyToken(subject, s);
			}
			boolean singleWildcard = patternTokenLength == 1 && pattern.charAt(p) == '*';
			if (!singleWildcard && (patternTokenLength != subjectEnd - s
					|| !pattern.regionMatches(p, subject, s, patternTokenLength))) {
				return false;
			}
			boolean patternDone = patternEnd == patternLength;
			boolean subjectDone = subjectEnd == subjectLength;
			if (patternDone || subjectDone) {
				return patternDone && subjectDone;
			}
			p = patternEnd + 1;
			s = subjectEnd + 1;
		}
	}

	/**
	 * Whether every subject {@code subject} stands for is also one {@code pattern} stands for, both possibly with
	 * wildcards: {@code a.b} and {@code a.*} are within {@code a.*} and {@code a.>}, but {@code a.>} is not within
	 * {@code a.*}. nats-server asks this to know whether a wildcard subscription reaches a denied subject.
	 * @param subject a subscription subject
	 * @param pattern another subscription subject
	 * @return whether {@code subject} lies within {@code pattern}
	 */
	public static boolean isWithin(String subject, String pattern) {
		String[] inner = subject.split("\\.", -1);
		String[] outer = pattern.split("\\.", -1);
		for (int i = 0; i < outer.length; i++) {
			if (i >= inner.length || outer[i].isEmpty()) {
				return false;
			}
			if (outer[i].equals(FULL_WILDCARD)) {
				return true;
			}
			String token = inner[i];
			if (token.isEmpty() || token.equals(FULL_WILDCARD)) {
				return false;
			}
			boolean outerWildcard = outer[i].equals(SINGLE_WILDCARD);
			if (token.equals(SINGLE_WILDCARD) ? !outerWildcard : !outerWildcard && !token.equals(outer[i])) {
				return false;
			}
		}
		return inner.length == outer.length;
	}

	/**
	 * Whether two subjects, both possibly with wildcards, stand for at least one subject in common, as
	 * nats-server's {@code SubjectsCollide}: {@code a.*} and {@code *.b} collide, {@code a.b} and {@code a.c} do
	 * not. JetStream refuses a stream whose subjects collide with another stream's.
	 * @param first a subscription subject
	 * @param second another subscription subject
	 * @return whether some subject matches both
	 */
	public static boolean collide(String first, String second) {
		String[] a = first.split("\\.", -1);
		String[] b = second.split("\\.", -1);
		for (int i = 0; i < a.length && i < b.length; i++) {
			if (a[i].equals(FULL_WILDCARD) || b[i].equals(FULL_WILDCARD)) {
				return true;
			}
			if (!a[i].equals(b[i]) && !a[i].equals(SINGLE_WILDCARD) && !b[i].equals(SINGLE_WILDCARD)) {
				return false;
			}
		}
		return a.length == b.length;
	}

	private static int tokenEnd(String subject, int start) {
		int end = subject.indexOf(TOKEN_SEPARATOR, start);
		return end < 0 ? subject.length() : end;
	}

	private static boolean hasNoEmptyToken(String subject, int start) {
		int length = subject.length();
		if (start == length) {
			return false;
		}
		for (int i = start; i < length; i++) {
			if (subject.charAt(i) == TOKEN_SEPARATOR && (i == start || i + 1 == length
					|| subject.charAt(i - 1) == TOKEN_SEPARATOR)) {
				return false;
			}
		}
		return true;
	}

}

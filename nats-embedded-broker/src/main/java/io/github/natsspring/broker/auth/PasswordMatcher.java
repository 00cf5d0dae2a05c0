package io.github.natsspring.broker.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.regex.Pattern;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;

/**
 * Compares a configured secret (a password or a token) with the one a client sent, as nats-server does: a
 * configured secret shaped like a bcrypt hash ({@code $2a$}, {@code $2b$}, {@code $2x$} or {@code $2y$} and a
 * two-digit cost) is verified with bcrypt at the cost it names, any other is compared in constant time.
 */
public final class PasswordMatcher {

	private static final Pattern BCRYPT = Pattern.compile("^\\$2[abxy]\\$\\d{2}\\$.*", Pattern.DOTALL);

	/** bcrypt reads at most 72 bytes of a password; longer ones are truncated, as Go's bcrypt does. */
	private static final BCrypt.Verifyer VERIFYER = BCrypt.verifyer(BCrypt.Version.VERSION_2A,
			LongPasswordStrategies.truncate(BCrypt.Version.VERSION_2A));

	private PasswordMatcher() {
	}

	/**
	 * Whether the configured secret is a bcrypt hash, whose check takes milliseconds rather than nanoseconds.
	 * @param configured the configured secret
	 * @return {@code true} for a bcrypt hash
	 */
	public static boolean isBcrypt(String configured) {
		return BCRYPT.matcher(configured).matches();
	}

	/**
	 * Whether a presented secret matches the configured one.
	 * @param configured the configured password or token, plain or a bcrypt hash
	 * @param presented what the client sent, or {@code null}
	 * @return {@code true} when it matches
	 */
	public static boolean matches(String configured, String presented) {
		if (presented == null) {
			return false;
		}
		byte[] presentedBytes = presented.getBytes(StandardCharsets.UTF_8);
		if (isBcrypt(configured)) {
			try {
				return VERIFYER.verify(presentedBytes, configured.getBytes(StandardCharsets.UTF_8)).verified;
			}
			catch (IllegalArgumentException malformedHash) {
				return false;
			}
		}
		return MessageDigest.isEqual(configured.getBytes(StandardCharsets.UTF_8), presentedBytes);
	}
}

package io.github.natsspring.broker.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secrets compared as nats-server compares them: bcrypt hashes verified, anything else compared as it is.
 */
class PasswordMatcherTests {

	@ParameterizedTest
	@EnumSource(value = Hashes.class)
	void aBcryptHashOfAnyVersionAcceptsItsPasswordOnly(Hashes version) {
		String hash = BCrypt.with(version.version).hashToString(4, "s3cret".toCharArray());

		assertThat(hash).startsWith(version.prefix);
		assertThat(PasswordMatcher.isBcrypt(hash)).isTrue();
		assertThat(PasswordMatcher.matches(hash, "s3cret")).isTrue();
		assertThat(PasswordMatcher.matches(hash, "s3cre")).isFalse();
		assertThat(PasswordMatcher.matches(hash, hash)).isFalse();
	}

	@Test
	void aHashMadeElsewhereIsAccepted() {
		// the hash security.md records as accepted by nats-server 2.9.10
		String hash = "$2a$10$R1k7eZHEHM2CpS0euM/rz.37X0DHaCMGOaYaUwsvIu6I7xWNUTnla";

		assertThat(PasswordMatcher.matches(hash, "s3cret-pw")).isTrue();
	}

	@Test
	void aSecretShapedLikeAHashButBrokenAcceptsNothing() {
		String broken = "$2a$10$short";

		assertThat(PasswordMatcher.isBcrypt(broken)).isTrue();
		assertThat(PasswordMatcher.matches(broken, broken)).isFalse();
	}

	@Test
	void aPlainSecretIsComparedAsItIs() {
		assertThat(PasswordMatcher.isBcrypt("$2a$x")).isFalse();
		assertThat(PasswordMatcher.matches("plain", "plain")).isTrue();
		assertThat(PasswordMatcher.matches("plain", "Plain")).isFalse();
		assertThat(PasswordMatcher.matches("plain", null)).isFalse();
	}

	/** The bcrypt versions nats-server takes for a hash. */
	enum Hashes {

		A(BCrypt.Version.VERSION_2A, "$2a$"), B(BCrypt.Version.VERSION_2B, "$2b$"), Y(BCrypt.Version.VERSION_2Y,
				"$2y$");

		private final BCrypt.Version version;

		private final String prefix;

		Hashes(BCrypt.Version version, String prefix) {
			this.version = version;
			this.prefix = prefix;
		}
	}
}

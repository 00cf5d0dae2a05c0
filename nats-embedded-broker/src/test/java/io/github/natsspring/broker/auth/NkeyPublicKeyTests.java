package io.github.natsspring.broker.auth;

import java.security.SecureRandom;

import io.github.natsspring.broker.BrokerNkeyUser;
import io.nats.client.NKey;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Public nkeys read as NATS writes them, and signatures verified with the JDK's Ed25519.
 */
class NkeyPublicKeyTests {

	private static final SecureRandom RANDOM = new SecureRandom();

	@Test
	void aUserKeyVerifiesItsSeedsSignaturesOnly() throws Exception {
		NKey user = NKey.createUser(RANDOM);
		NkeyPublicKey key = NkeyPublicKey.of(new String(user.getPublicKey()));
		byte[] nonce = "l-43A6cDRrE2mzg".getBytes();

		assertThat(key.verifies(nonce, user.sign(nonce))).isTrue();
		assertThat(key.verifies("other".getBytes(), user.sign(nonce))).isFalse();
		assertThat(key.verifies(nonce, NKey.createUser(RANDOM).sign(nonce))).isFalse();
		assertThat(key.verifies(nonce, new byte[3])).isFalse();
	}

	@Test
	void aKeyWithABadChecksumIsRefused() throws Exception {
		char[] text = NKey.createUser(RANDOM).getPublicKey();
		text[text.length - 1] = (text[text.length - 1] == 'A') ? 'B' : 'A';

		assertThatIllegalArgumentException().isThrownBy(() -> NkeyPublicKey.of(new String(text)));
	}

	@Test
	void anAccountKeyOrASeedIsNoUserKey() throws Exception {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> NkeyPublicKey.of(new String(NKey.createAccount(RANDOM).getPublicKey())));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new BrokerNkeyUser(new String(NKey.createUser(RANDOM).getSeed())));
		assertThatIllegalArgumentException().isThrownBy(() -> NkeyPublicKey.of("Unot-base32"));
	}

	@Test
	void noncesAreFifteenBase64UrlCharactersAndFresh() {
		assertThat(Nonces.generate()).matches("[A-Za-z0-9_-]{15}").isNotEqualTo(Nonces.generate());
	}
}

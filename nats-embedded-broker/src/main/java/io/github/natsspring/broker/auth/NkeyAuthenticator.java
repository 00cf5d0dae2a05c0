package io.github.natsspring.broker.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.github.natsspring.broker.BrokerAuth;
import io.github.natsspring.broker.BrokerNkeyUser;
import io.github.natsspring.broker.protocol.ConnectOptions;
import io.github.natsspring.broker.protocol.GoQuote;

/**
 * Accepts clients that send a configured user's public nkey and a valid signature of the connection's nonce, as
 * nats-server does; a client without an nkey is left to the password users, if there are any.
 */
final class NkeyAuthenticator implements Authenticator {

	private final Map<String, NkeyPublicKey> keys = new HashMap<>();

	private final Map<String, Permissions> permissionsByKey = new HashMap<>();

	private final Authenticator passwords;

	/**
	 * Creates the authenticator.
	 * @param auth the nkey users, and the default permissions
	 * @param passwords the authenticator of the password users, or {@code null} when there are none
	 */
	NkeyAuthenticator(BrokerAuth auth, Authenticator passwords) {
		for (BrokerNkeyUser user : auth.nkeyUsers()) {
			this.keys.put(user.publicKey(), NkeyPublicKey.of(user.publicKey()));
			Permissions permissions = Permissions.of(auth.permissionsOf(user));
			if (permissions != null) {
				this.permissionsByKey.put(user.publicKey(), permissions);
			}
		}
		this.passwords = passwords;
	}

	@Override
	public boolean isRequired() {
		return true;
	}

	@Override
	public boolean requiresNonce() {
		return true;
	}

	@Override
	public boolean verifiesSlowly(ConnectOptions connect) {
		return !hasNkey(connect) && this.passwords != null && this.passwords.verifiesSlowly(connect);
	}

	@Override
	public Optional<AuthResult> authenticate(AuthContext context) {
		ConnectOptions connect = context.connect();
		if (!hasNkey(connect)) {
			return (this.passwords != null) ? this.passwords.authenticate(context) : Optional.empty();
		}
		NkeyPublicKey key = this.keys.get(connect.nkey());
		byte[] signature = decodeSignature(connect.sig());
		if (key == null || signature == null || context.nonce() == null
				|| !key.verifies(context.nonce().getBytes(StandardCharsets.US_ASCII), signature)) {
			return Optional.empty();
		}
		return Optional.of(AuthResult.user(connect.nkey(), this.permissionsByKey.get(connect.nkey())));
	}

	@Override
	public String refusalLogLine(ConnectOptions connect) {
		// with nkey users configured nats-server names the nkey, whatever else the client sent
		return "authentication error - Nkey " + GoQuote.quote((connect.nkey() != null) ? connect.nkey() : "");
	}

	private static boolean hasNkey(ConnectOptions connect) {
		return connect.nkey() != null && !connect.nkey().isEmpty();
	}

	/** The signature as base64url without padding, or standard base64 as nats-server falls back to. */
	private static byte[] decodeSignature(String sig) {
		if (sig == null || sig.isEmpty()) {
			return null;
		}
		try {
			return Base64.getUrlDecoder().decode(sig);
		}
		catch (IllegalArgumentException notUrlSafe) {
			try {
				return Base64.getDecoder().decode(sig);
			}
			catch (IllegalArgumentException notBase64) {
				return null;
			}
		}
	}
}

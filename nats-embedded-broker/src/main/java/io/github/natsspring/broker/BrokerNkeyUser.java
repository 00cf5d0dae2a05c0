package io.github.natsspring.broker;

import java.util.Objects;

import io.github.natsspring.broker.auth.NkeyPublicKey;

/**
 * A user that authenticates with an nkey: it sends its public key as {@code nkey} in CONNECT and signs the nonce
 * the server sent in INFO with its seed, as nats-server's nkey users do.
 *
 * @param publicKey the user's public nkey, {@code U...}
 * @param permissions what the user may do, or {@code null} for the default permissions of {@link BrokerAuth}
 */
public record BrokerNkeyUser(String publicKey, BrokerPermissions permissions) {

	/**
	 * Checks the key is a user's public nkey.
	 */
	public BrokerNkeyUser {
		Objects.requireNonNull(publicKey, "publicKey");
		NkeyPublicKey.of(publicKey);
	}

	/**
	 * An nkey user with the default permissions.
	 * @param publicKey the user's public nkey
	 */
	public BrokerNkeyUser(String publicKey) {
		this(publicKey, null);
	}

	/**
	 * The same user with its own permissions.
	 * @param permissions what the user may do
	 * @return the user
	 */
	public BrokerNkeyUser withPermissions(BrokerPermissions permissions) {
		return new BrokerNkeyUser(this.publicKey, Objects.requireNonNull(permissions, "permissions"));
	}
}

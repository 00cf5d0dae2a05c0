package io.github.natsspring.broker;

import java.util.List;
import java.util.Objects;

/**
 * What a user may do once connected, as nats-server's {@code permissions} block: where it may publish, where it
 * may subscribe, and whether it may answer the requests it receives whatever its publish permission. A client
 * that goes beyond them gets nats-server's {@code -ERR 'Permissions Violation for …'} and stays connected; the
 * message or subscription is dropped.
 *
 * @param publish the subjects the user may publish to
 * @param subscribe the subjects (and queue groups) the user may subscribe to
 * @param responses the replies the user may send beyond its publish permission, or {@code null} for none
 */
public record BrokerPermissions(SubjectPermission publish, SubjectPermission subscribe,
		ResponsePermission responses) {

	/**
	 * Checks the permissions are given; as in nats-server, allowing responses without an allow list for publishing
	 * allows publishing nothing but the responses.
	 */
	public BrokerPermissions {
		Objects.requireNonNull(publish, "publish");
		Objects.requireNonNull(subscribe, "subscribe");
		if (responses != null && publish.allow() == null) {
			publish = new SubjectPermission(List.of(), publish.deny());
		}
	}

	/**
	 * Publish and subscribe permissions, no responses beyond them.
	 * @param publish where the user may publish
	 * @param subscribe where the user may subscribe
	 * @return the permissions
	 */
	public static BrokerPermissions of(SubjectPermission publish, SubjectPermission subscribe) {
		return new BrokerPermissions(publish, subscribe, null);
	}

	/**
	 * The same permissions, allowing replies to the requests the user receives.
	 * @param responses how many replies each request allows, and for how long
	 * @return the permissions
	 */
	public BrokerPermissions allowingResponses(ResponsePermission responses) {
		return new BrokerPermissions(this.publish, this.subscribe, Objects.requireNonNull(responses, "responses"));
	}
}

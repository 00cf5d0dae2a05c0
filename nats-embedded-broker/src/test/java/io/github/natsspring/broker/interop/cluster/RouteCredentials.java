package io.github.natsspring.broker.interop.cluster;

import java.net.URI;

/**
 * The user and password a cluster's routes must present ({@code cluster { authorization {} }}).
 * @param username the route user
 * @param password the route password, plain
 */
record RouteCredentials(String username, String password) {

	/** The URL with these credentials as its user info. */
	URI on(String url) {
		URI plain = URI.create(url);
		return URI.create(plain.getScheme() + "://" + username + ":" + password + "@" + plain.getHost() + ":"
				+ plain.getPort());
	}
}

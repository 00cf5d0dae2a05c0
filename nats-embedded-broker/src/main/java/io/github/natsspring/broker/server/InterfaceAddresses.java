package io.github.natsspring.broker.server;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The client URLs of a server listening on every interface, as nats-server lists them: one per non-loopback
 * address of the interfaces that are up, loopback only when there is no other.
 */
final class InterfaceAddresses {

	private InterfaceAddresses() {
	}

	static List<String> urls(int port) {
		List<String> urls = new ArrayList<>();
		try {
			for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
				if (!network.isUp()) {
					continue;
				}
				for (InetAddress address : Collections.list(network.getInetAddresses())) {
					if (!address.isLoopbackAddress() && !address.isLinkLocalAddress()) {
						String host = address.getHostAddress();
						urls.add((host.contains(":") ? "[" + host + "]" : host) + ":" + port);
					}
				}
			}
		}
		catch (SocketException ex) {
			// no interface list: fall back to loopback below
		}
		if (urls.isEmpty()) {
			urls.add(InetAddress.getLoopbackAddress().getHostAddress() + ":" + port);
		}
		return urls;
	}
}

package io.github.natsspring.bench.startup;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.StringJoiner;

import io.github.natsspring.broker.NatsBroker;
import io.github.natsspring.broker.NatsBrokerOptions;

/**
 * Run in a JVM of its own by {@link StartupScenario}: starts a broker on a random loopback port several times in
 * a row, as a test suite with a broker per test class does, and prints each time from {@code start()} to the first
 * byte of INFO read by a client, in nanoseconds: {@code starts <first> <second> …}. The first start is the JVM's
 * first; every later one is a warm start.
 */
public final class BrokerStartProbe {

	private static final int SOCKET_TIMEOUT_MILLIS = 10_000;

	private BrokerStartProbe() {
	}

	/**
	 * Measures.
	 * @param args the number of starts, at least 2
	 * @throws IOException if a started broker does not answer
	 */
	public static void main(String[] args) throws IOException {
		int starts = Integer.parseInt(args[0]);
		if (starts < 2) {
			throw new IllegalArgumentException("starts must be at least 2, was " + starts);
		}
		StringJoiner line = new StringJoiner(" ", "starts ", "");
		for (int i = 0; i < starts; i++) {
			line.add(Long.toString(timeOneStart()));
		}
		System.out.println(line);
	}

	private static long timeOneStart() throws IOException {
		try (NatsBroker broker = new NatsBroker(NatsBrokerOptions.loopbackRandomPort())) {
			long started = System.nanoTime();
			broker.start();
			try (Socket client = new Socket()) {
				client.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), broker.getPort()),
						SOCKET_TIMEOUT_MILLIS);
				client.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
				InputStream in = client.getInputStream();
				if (in.read() < 0) {
					throw new IOException("The broker closed the connection before INFO");
				}
				return System.nanoTime() - started;
			}
		}
	}
}

package io.github.natsspring.broker.server;

import java.io.IOException;
import java.security.GeneralSecurityException;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

import io.github.natsspring.broker.BrokerTls;
import io.github.natsspring.broker.NatsBrokerException;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;

/**
 * TLS on routes, as nats-server runs it: the handshake comes first, before any INFO, on both ends; the accepting
 * server is a TLS server (requiring the dialler's certificate when verification is on), the dialling one a TLS
 * client that presents the same certificate and checks the peer's against the CA and the route URL's host.
 */
final class RouteTls {

	private final TlsContext server;

	private final SslContext client;

	private final BrokerTls tls;

	private RouteTls(TlsContext server, SslContext client, BrokerTls tls) {
		this.server = server;
		this.client = client;
		this.tls = tls;
	}

	/**
	 * Builds both ends.
	 * @param tls the cluster's TLS settings
	 * @return the contexts
	 * @throws NatsBrokerException with nats-server's wording when the files cannot be read
	 */
	static RouteTls of(BrokerTls tls) {
		TlsContext server = TlsContext.of(tls);
		try {
			SslContextBuilder builder = SslContextBuilder.forClient();
			if (tls.keyManagerFactory() != null) {
				builder.keyManager(tls.keyManagerFactory());
			}
			else {
				builder.keyManager(TlsContext.readKey(tls.privateKeyFile()),
						TlsContext.readCertificates(tls.certificateFile()));
			}
			if (tls.caFile() != null) {
				builder.trustManager(TlsContext.readCertificates(tls.caFile()));
			}
			else if (tls.trustManagerFactory() != null) {
				builder.trustManager(tls.trustManagerFactory());
			}
			SslContext client = builder.sslProvider(SslProvider.JDK).protocols("TLSv1.3", "TLSv1.2").build();
			return new RouteTls(server, client, tls);
		}
		catch (IOException | GeneralSecurityException | IllegalArgumentException ex) {
			throw new NatsBrokerException("error parsing X509 certificate/key pair: " + TlsContext.describe(ex), ex);
		}
	}

	/** The handler of an accepted route. */
	ChannelHandler acceptingHandler(ByteBufAllocator allocator) {
		return this.server.newHandler(allocator);
	}

	/** The handler of a dialled route, checking the peer's certificate names the host dialled. */
	ChannelHandler diallingHandler(ByteBufAllocator allocator, String host, int port) {
		SslHandler handler = this.client.newHandler(allocator, host, port);
		SSLEngine engine = handler.engine();
		SSLParameters parameters = engine.getSSLParameters();
		parameters.setEndpointIdentificationAlgorithm("HTTPS");
		engine.setSSLParameters(parameters);
		handler.setHandshakeTimeoutMillis(this.tls.handshakeTimeout().toMillis());
		return handler;
	}

	/** Whether accepted routes must present a certificate: {@code tls_verify} in route INFO. */
	boolean verifiesPeers() {
		return this.tls.verifyClients();
	}
}

package io.github.natsspring.broker.monitor;

import java.util.concurrent.CompletableFuture;

/**
 * The page at the base path: links to the endpoints, relative as nats-server's page has them, so they work behind
 * a proxy that maps the base path elsewhere.
 */
final class RootPage implements MonitorEndpoint {

	static final String PATH = "/";

	private static final String[][] LINKS = { { VarzEndpoint.PATH, "General" }, { JszEndpoint.PATH, "JetStream" },
			{ ConnzEndpoint.PATH, "Connections" }, { AccountzEndpoint.PATH, "Accounts" },
			{ SubszEndpoint.PATH, "Subscriptions" }, { RoutezEndpoint.PATH, "Routes" },
			{ HealthzEndpoint.PATH, "Health Probe" } };

	private final RequestCounts counts;

	private final String page;

	RootPage(RequestCounts counts, String basePath, String version) {
		this.counts = counts;
		StringBuilder html = new StringBuilder("<html lang=\"en\">\n<head>\n<title>NATS embedded broker</title>\n")
			.append("</head>\n<body>\n<h1>NATS embedded broker</h1>\n<p>nats-server ")
			.append(version)
			.append(" monitoring endpoints</p>\n");
		for (String[] link : LINKS) {
			html.append("<a href=.").append(basePath).append(link[0]).append('>').append(link[1]).append("</a><br/>\n");
		}
		this.page = html.append("</body>\n</html>\n").toString();
	}

	@Override
	public CompletableFuture<MonitorResponse> handle(QueryParameters query) {
		this.counts.count(PATH);
		return CompletableFuture.completedFuture(MonitorResponse.html(this.page));
	}
}

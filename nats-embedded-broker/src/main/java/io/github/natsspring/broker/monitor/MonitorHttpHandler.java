package io.github.natsspring.broker.monitor;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;

/**
 * Answers monitoring requests: finds the endpoint for the path under the base path (any method, as nats-server's
 * handlers take any), 404 as Go's {@code http.NotFound} for other paths, 400 with nats-server's message for a bad
 * query value, and JSONP for a {@code callback} parameter. The response is written when the endpoint's figures are
 * gathered, which may be after other event loops answered.
 */
@ChannelHandler.Sharable
final class MonitorHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

	private static final System.Logger LOG = System.getLogger(MonitorHttpHandler.class.getName());

	private final Map<String, MonitorEndpoint> endpoints;

	MonitorHttpHandler(String basePath, Map<String, MonitorEndpoint> byPath) {
		Map<String, MonitorEndpoint> routes = new HashMap<>();
		byPath.forEach((path, endpoint) -> routes.put(path.equals(RootPage.PATH) && !basePath.isEmpty() ? basePath
				: basePath + path, endpoint));
		this.endpoints = Map.copyOf(routes);
	}

	@Override
	protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
		boolean keepAlive = HttpUtil.isKeepAlive(request);
		QueryStringDecoder decoder = new QueryStringDecoder(request.uri());
		MonitorEndpoint endpoint = this.endpoints.get(decoder.path());
		QueryParameters query = QueryParameters.of(decoder);
		CompletableFuture<MonitorResponse> response;
		if (endpoint == null) {
			response = CompletableFuture.completedFuture(MonitorResponse.notFound());
		}
		else {
			try {
				response = endpoint.handle(query);
			}
			catch (BadQueryException ex) {
				response = CompletableFuture.completedFuture(MonitorResponse.badRequest(ex.getMessage()));
			}
		}
		response.whenComplete((answer, failure) -> {
			MonitorResponse sent = answer;
			if (failure != null) {
				LOG.log(System.Logger.Level.WARNING, "Error answering " + decoder.path() + ": " + failure);
				sent = new MonitorResponse(500, "text/plain; charset=utf-8", new byte[0], false);
			}
			else if (answer.json() && !query.get("callback").isEmpty()) {
				sent = answer.withCallback(query.get("callback"));
			}
			write(ctx, sent, keepAlive);
		});
	}

	private static void write(ChannelHandlerContext ctx, MonitorResponse answer, boolean keepAlive) {
		FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
				HttpResponseStatus.valueOf(answer.status()), Unpooled.wrappedBuffer(answer.body()));
		response.headers()
			.set(HttpHeaderNames.CONTENT_TYPE, answer.contentType())
			.set(HttpHeaderNames.DATE,
					DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)))
			.setInt(HttpHeaderNames.CONTENT_LENGTH, answer.body().length);
		if (answer.status() == 404) {
			response.headers().set("X-Content-Type-Options", "nosniff");
		}
		if (!keepAlive) {
			ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
			return;
		}
		ctx.writeAndFlush(response);
	}

	@Override
	public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
		LOG.log(System.Logger.Level.DEBUG, "Monitoring connection error: " + cause);
		ctx.close();
	}
}

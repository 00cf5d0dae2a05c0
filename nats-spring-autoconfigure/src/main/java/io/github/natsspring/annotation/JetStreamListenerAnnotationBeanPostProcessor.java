package io.github.natsspring.annotation;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.natsspring.core.NatsMessageConverter;
import io.github.natsspring.core.PlainNatsMessageConverter;
import io.github.natsspring.jetstream.listener.JetStreamListenerContainerFactory;
import io.github.natsspring.jetstream.listener.JetStreamListenerEndpoint;
import io.github.natsspring.jetstream.listener.JetStreamListenerEndpointRegistry;
import io.github.natsspring.jetstream.listener.MethodJetStreamMessageListener;
import io.github.natsspring.listener.NatsListenerChecks;
import io.github.natsspring.listener.NatsListenerErrorHandler;
import io.github.natsspring.listener.NatsSubjectSyntax;
import io.github.natsspring.listener.adapter.NatsMessageHandlerMethodFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.framework.AopInfrastructureBean;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.messaging.handler.annotation.support.MessageHandlerMethodFactory;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * Finds {@link JetStreamListener @JetStreamListener} methods on beans, checks that each can work and, once all
 * singletons exist, registers a container per method in the {@link JetStreamListenerEndpointRegistry} bean,
 * created by the {@link JetStreamListenerContainerFactory} bean. Methods are invoked through the same
 * {@link MessageHandlerMethodFactory} as {@code @NatsListener} methods, and failures of listeners without their
 * own error handler go to the same default error handler. A method that cannot work fails the bean's creation
 * with a {@link NatsListenerMethodException}.
 */
public class JetStreamListenerAnnotationBeanPostProcessor
		implements BeanPostProcessor, BeanFactoryAware, SmartInitializingSingleton, Ordered {

	private static final String ANNOTATION = "@JetStreamListener";

	private final List<PendingEndpoint> endpoints = new ArrayList<>();

	private final Set<Class<?>> nonAnnotatedClasses = ConcurrentHashMap.newKeySet();

	private final Set<String> listenerIds = ConcurrentHashMap.newKeySet();

	private @Nullable ConfigurableListableBeanFactory beanFactory;

	private @Nullable MessageHandlerMethodFactory messageHandlerMethodFactory;

	@Override
	public int getOrder() {
		return LOWEST_PRECEDENCE;
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		Assert.isInstanceOf(ConfigurableListableBeanFactory.class, beanFactory);
		this.beanFactory = (ConfigurableListableBeanFactory) beanFactory;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof AopInfrastructureBean) {
			return bean;
		}
		Class<?> targetClass = AopUtils.getTargetClass(bean);
		if (this.nonAnnotatedClasses.contains(targetClass)
				|| !AnnotationUtils.isCandidateClass(targetClass, JetStreamListener.class)) {
			return bean;
		}
		Map<Method, JetStreamListener> annotated = MethodIntrospector.selectMethods(targetClass,
				(MethodIntrospector.MetadataLookup<JetStreamListener>) (method) -> AnnotatedElementUtils
					.findMergedAnnotation(method, JetStreamListener.class));
		if (annotated.isEmpty()) {
			this.nonAnnotatedClasses.add(targetClass);
			return bean;
		}
		annotated.forEach((method, listener) -> {
			Where where = new Where(beanName, targetClass, method);
			synchronized (this.endpoints) {
				this.endpoints.add(new PendingEndpoint(createEndpoint(listener, where), bean, invocable(where, bean)));
			}
		});
		return bean;
	}

	private Method invocable(Where where, Object bean) {
		Method method = where.method();
		if (Modifier.isPrivate(method.getModifiers())) {
			throw where.invalid("the method is private",
					"Make the method public, protected or package-private so that it can be invoked.");
		}
		if (Modifier.isStatic(method.getModifiers())) {
			throw where.invalid("the method is static", "Make the method an instance method of the bean.");
		}
		try {
			return AopUtils.selectInvocableMethod(method, bean.getClass());
		}
		catch (IllegalStateException ex) {
			throw where.invalid(String.valueOf(ex.getMessage()), "Declare the method on an interface the bean's"
					+ " proxy implements, or proxy the target class (proxyTargetClass = true).");
		}
	}

	private JetStreamListenerEndpoint createEndpoint(JetStreamListener listener, Where where) {
		checkParameters(where);
		String stream = resolve(where, listener.stream());
		if (!StringUtils.hasText(stream) || NatsSubjectSyntax.checkPublishSubject(stream) != null
				|| stream.contains(".")) {
			throw where.invalid("stream '" + stream + "' is not a stream name",
					"Name the stream, without whitespace, dots or wildcards, e.g. stream = \"ORDERS\".");
		}
		String durable = resolve(where, listener.durable());
		if (StringUtils.hasText(durable) && (NatsSubjectSyntax.checkPublishSubject(durable) != null
				|| durable.contains("."))) {
			throw where.invalid("durable '" + durable + "' is not a consumer name",
					"Name the consumer without whitespace, dots or wildcards, e.g. durable = \"billing\".");
		}
		List<String> subjects = new ArrayList<>();
		for (String subject : listener.subjects()) {
			subjects.add(resolve(where, subject));
		}
		if (!subjects.isEmpty()) {
			String problem = NatsListenerChecks.checkSubjects(subjects);
			if (problem != null) {
				throw where.invalid(problem, "Use dot-separated tokens without whitespace, with the wildcards"
						+ " '*' and '>' as whole tokens and '>' last.");
			}
		}
		Integer concurrency = number(where, "concurrency", listener.concurrency());
		if (concurrency != null && concurrency < 1) {
			throw where.invalid("concurrency " + concurrency + " is below 1", "Set concurrency to at least 1.");
		}
		Integer maxDeliver = number(where, "maxDeliver", listener.maxDeliver());
		if (maxDeliver != null && maxDeliver < 1) {
			throw where.invalid("maxDeliver " + maxDeliver + " is below 1",
					"Set maxDeliver to at least 1, or leave it empty for no limit.");
		}
		String deadLetter = resolve(where, listener.deadLetterSubject());
		if (StringUtils.hasText(deadLetter)) {
			String problem = NatsSubjectSyntax.checkPublishSubject(deadLetter);
			if (problem != null) {
				throw where.invalid("invalid deadLetterSubject " + problem,
						"Name one subject without wildcards, e.g. deadLetterSubject = \"orders.dead\".");
			}
			if (maxDeliver == null) {
				throw where.invalid("a deadLetterSubject needs maxDeliver",
						"Set maxDeliver, e.g. maxDeliver = \"3\": messages go to the dead-letter subject after"
								+ " their last delivery.");
			}
		}
		return JetStreamListenerEndpoint.builder(resolveId(where, listener.id()), stream)
			.durable(StringUtils.hasText(durable) ? durable : null)
			.subjects(subjects)
			.concurrency(concurrency)
			.ackMode(listener.ackMode())
			.maxDeliver((maxDeliver != null) ? maxDeliver : -1)
			.backoff(backoff(where, listener.backoff()))
			.deadLetterSubject(StringUtils.hasText(deadLetter) ? deadLetter : null)
			.autoStartup(autoStartup(where, listener.autoStartup()))
			.errorHandler(errorHandler(where, listener.errorHandler()))
			.build();
	}

	private void checkParameters(Where where) {
		if (!(messageHandlerMethodFactory() instanceof NatsMessageHandlerMethodFactory factory)) {
			return;
		}
		Method method = where.method();
		List<String> payloadParameters = new ArrayList<>();
		for (int i = 0; i < method.getParameterCount(); i++) {
			MethodParameter parameter = new MethodParameter(method, i);
			if (factory.bindsToPayload(parameter)) {
				Class<?> type = parameter.getParameterType();
				if (type.getPackageName().startsWith("io.nats.client")) {
					throw where.invalid("parameter " + i + " of type " + type.getName() + " cannot be resolved;"
							+ " of the jnats types only Message and Connection can be injected",
							"Take an io.nats.client.Message or Connection parameter instead, or remove the parameter.");
				}
				payloadParameters.add(i + " (" + type.getSimpleName() + ")");
			}
		}
		if (payloadParameters.size() > 1) {
			throw where.invalid("parameters " + String.join(", ", payloadParameters)
					+ " would all be bound to the payload", "Mark all but one of them with @Header or @Headers.");
		}
	}

	private String resolveId(Where where, String declared) {
		String id = resolve(where, declared);
		if (StringUtils.hasText(id)) {
			if (!this.listenerIds.add(id)) {
				throw where.invalid("another JetStream listener already has id '" + id + "'",
						"Give each @JetStreamListener its own id, or leave id empty to have one generated.");
			}
			return id;
		}
		String base = where.targetClass().getName() + "#" + where.method().getName();
		String generated = base;
		for (int n = 2; !this.listenerIds.add(generated); n++) {
			generated = base + "#" + n;
		}
		return generated;
	}

	private @Nullable Integer number(Where where, String attribute, String declared) {
		String text = resolve(where, declared);
		if (!StringUtils.hasText(text)) {
			return null;
		}
		try {
			return Integer.parseInt(text.strip());
		}
		catch (NumberFormatException ex) {
			throw where.invalid(attribute + " '" + text + "' is not a number",
					"Set " + attribute + " to a whole number, or to a placeholder resolving to one.");
		}
	}

	private List<Duration> backoff(Where where, String[] declared) {
		List<Duration> delays = new ArrayList<>();
		for (String value : declared) {
			String text = resolve(where, value);
			try {
				Duration delay = DurationStyle.detectAndParse(text.strip());
				if (delay.isNegative()) {
					throw new IllegalArgumentException("negative");
				}
				delays.add(delay);
			}
			catch (IllegalArgumentException ex) {
				throw where.invalid("backoff '" + text + "' is not a duration",
						"Write each delay as a duration, e.g. backoff = {\"1s\", \"10s\"}.");
			}
		}
		return delays;
	}

	private @Nullable Boolean autoStartup(Where where, String declared) {
		String text = resolve(where, declared);
		if (!StringUtils.hasText(text)) {
			return null;
		}
		return switch (text.strip().toLowerCase()) {
			case "true" -> true;
			case "false" -> false;
			default -> throw where.invalid("autoStartup '" + text + "' is neither true nor false",
					"Set autoStartup to \"true\" or \"false\", or to a placeholder resolving to one of them.");
		};
	}

	private @Nullable NatsListenerErrorHandler errorHandler(Where where, String declared) {
		String beanName = resolve(where, declared);
		if (!StringUtils.hasText(beanName)) {
			return null;
		}
		if (!beanFactory().containsBean(beanName)) {
			throw where.invalid("there is no error handler bean named '" + beanName + "'",
					"Define a NatsListenerErrorHandler bean named '" + beanName
							+ "', or correct the name in errorHandler.");
		}
		return beanFactory().getBean(beanName, NatsListenerErrorHandler.class);
	}

	private String resolve(Where where, String value) {
		String resolved;
		try {
			resolved = beanFactory().resolveEmbeddedValue(value);
		}
		catch (RuntimeException ex) {
			resolved = null;
		}
		if (resolved == null || resolved.contains("${")) {
			throw where.invalid("cannot resolve '" + value + "'",
					"Define the property the placeholder names, or correct the placeholder.");
		}
		return resolved;
	}

	private ConfigurableListableBeanFactory beanFactory() {
		Assert.state(this.beanFactory != null, "BeanFactory not set");
		return this.beanFactory;
	}

	private synchronized MessageHandlerMethodFactory messageHandlerMethodFactory() {
		if (this.messageHandlerMethodFactory == null) {
			ConfigurableListableBeanFactory beanFactory = beanFactory();
			String name = NatsListenerAnnotationBeanPostProcessor.MESSAGE_HANDLER_METHOD_FACTORY_BEAN_NAME;
			if (beanFactory.containsBean(name)) {
				this.messageHandlerMethodFactory = beanFactory.getBean(name, MessageHandlerMethodFactory.class);
			}
			else {
				NatsMessageHandlerMethodFactory factory = new NatsMessageHandlerMethodFactory(beanFactory
					.getBeanProvider(NatsMessageConverter.class)
					.getIfUnique(PlainNatsMessageConverter::new));
				factory.setBeanFactory(beanFactory);
				factory.afterPropertiesSet();
				this.messageHandlerMethodFactory = factory;
			}
		}
		return this.messageHandlerMethodFactory;
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.nonAnnotatedClasses.clear();
		List<PendingEndpoint> pending;
		synchronized (this.endpoints) {
			pending = List.copyOf(this.endpoints);
			this.endpoints.clear();
		}
		if (pending.isEmpty()) {
			return;
		}
		ConfigurableListableBeanFactory beanFactory = beanFactory();
		JetStreamListenerEndpointRegistry registry = beanFactory.getBean(JetStreamListenerEndpointRegistry.class);
		JetStreamListenerContainerFactory containerFactory = beanFactory
			.getBean(JetStreamListenerContainerFactory.class);
		for (PendingEndpoint endpoint : pending) {
			MethodJetStreamMessageListener listener = new MethodJetStreamMessageListener(
					messageHandlerMethodFactory().createInvocableHandlerMethod(endpoint.bean(), endpoint.method()));
			registry.registerListenerContainer(containerFactory.createListenerContainer(endpoint.endpoint(), listener));
		}
	}

	/** An endpoint found on a bean, waiting for the infrastructure. */
	private record PendingEndpoint(JetStreamListenerEndpoint endpoint, Object bean, Method method) {
	}

	/** The listener method being processed, for failures that name it. */
	private record Where(String beanName, Class<?> targetClass, Method method) {

		NatsListenerMethodException invalid(String problem, String action) {
			return new NatsListenerMethodException(ANNOTATION, this.beanName, this.method, problem, action);
		}
	}
}

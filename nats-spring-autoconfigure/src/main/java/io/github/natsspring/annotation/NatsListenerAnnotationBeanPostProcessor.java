package io.github.natsspring.annotation;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import io.github.natsspring.core.NatsMessageConverter;
import io.github.natsspring.listener.MethodNatsListenerEndpoint;
import io.github.natsspring.listener.NatsListenerContainerFactory;
import io.github.natsspring.listener.NatsListenerEndpointRegistrar;
import io.github.natsspring.listener.NatsListenerEndpointRegistry;
import io.github.natsspring.listener.NatsListenerErrorHandler;
import io.github.natsspring.listener.NatsSubjectSyntax;
import io.github.natsspring.listener.adapter.NatsMessageHandlerMethodFactory;
import io.github.natsspring.listener.adapter.PlainNatsMessageConverter;
import io.nats.client.Connection;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.framework.AopInfrastructureBean;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanExpressionContext;
import org.springframework.beans.factory.config.BeanExpressionResolver;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.Headers;
import org.springframework.messaging.handler.annotation.SendTo;
import org.springframework.messaging.handler.annotation.support.MessageHandlerMethodFactory;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * Finds {@link NatsListener @NatsListener} methods on beans, checks that each can work, and registers a
 * {@link MethodNatsListenerEndpoint} for it; once all singletons exist, the endpoints become containers in
 * the {@link NatsListenerEndpointRegistry} bean, created by the {@link NatsListenerContainerFactory} bean.
 * <p>
 * A listener that cannot work fails the bean's creation with a message naming the class and method: a
 * private or static method, a missing or invalid subject, an unresolvable placeholder, concurrency above 1
 * without a queue group, an unknown error handler, or parameters that cannot all be resolved.
 * <p>
 * Listener methods are invoked through the {@link MessageHandlerMethodFactory} bean named
 * {@value #MESSAGE_HANDLER_METHOD_FACTORY_BEAN_NAME} when there is one, otherwise through a
 * {@link NatsMessageHandlerMethodFactory} on the context's {@link NatsMessageConverter}.
 */
public class NatsListenerAnnotationBeanPostProcessor
		implements BeanPostProcessor, BeanFactoryAware, SmartInitializingSingleton, Ordered {

	/** Name of the {@link MessageHandlerMethodFactory} bean used for listener methods, when present. */
	public static final String MESSAGE_HANDLER_METHOD_FACTORY_BEAN_NAME = "natsMessageHandlerMethodFactory";

	private static final Log logger = LogFactory.getLog(NatsListenerAnnotationBeanPostProcessor.class);

	private final NatsListenerEndpointRegistrar registrar = new NatsListenerEndpointRegistrar();

	private final Set<Class<?>> nonAnnotatedClasses = ConcurrentHashMap.newKeySet();

	private final Set<String> listenerIds = ConcurrentHashMap.newKeySet();

	private @Nullable ConfigurableListableBeanFactory beanFactory;

	private @Nullable BeanExpressionContext expressionContext;

	@Override
	public int getOrder() {
		return LOWEST_PRECEDENCE;
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		Assert.isInstanceOf(ConfigurableListableBeanFactory.class, beanFactory);
		this.beanFactory = (ConfigurableListableBeanFactory) beanFactory;
		this.expressionContext = new BeanExpressionContext(this.beanFactory, null);
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof AopInfrastructureBean || bean instanceof NatsListenerEndpointRegistry) {
			return bean;
		}
		Class<?> targetClass = AopUtils.getTargetClass(bean);
		if (this.nonAnnotatedClasses.contains(targetClass)
				|| !AnnotationUtils.isCandidateClass(targetClass, NatsListener.class)) {
			return bean;
		}
		Map<Method, Set<NatsListener>> annotatedMethods = MethodIntrospector.selectMethods(targetClass,
				(MethodIntrospector.MetadataLookup<Set<NatsListener>>) (method) -> {
					Set<NatsListener> listeners = AnnotatedElementUtils.getMergedRepeatableAnnotations(method,
							NatsListener.class, NatsListeners.class);
					return listeners.isEmpty() ? null : listeners;
				});
		if (annotatedMethods.isEmpty()) {
			this.nonAnnotatedClasses.add(targetClass);
			return bean;
		}
		annotatedMethods.forEach((method, listeners) -> listeners
			.forEach((listener) -> this.registrar.registerEndpoint(createEndpoint(listener, method, bean, targetClass))));
		if (logger.isDebugEnabled()) {
			logger.debug(annotatedMethods.size() + " @NatsListener methods processed on bean '" + beanName + "'");
		}
		return bean;
	}

	private MethodNatsListenerEndpoint createEndpoint(NatsListener listener, Method method, Object bean,
			Class<?> targetClass) {
		ListenerMethod where = new ListenerMethod(targetClass, method);
		if (Modifier.isPrivate(method.getModifiers())) {
			throw where.invalid("the method is private");
		}
		if (Modifier.isStatic(method.getModifiers())) {
			throw where.invalid("the method is static");
		}
		Method invocable;
		try {
			invocable = AopUtils.selectInvocableMethod(method, bean.getClass());
		}
		catch (IllegalStateException ex) {
			throw where.invalid(ex.getMessage());
		}
		checkParameters(where, method);
		List<String> subjects = resolveSubjects(where, listener.subjects());
		String queue = resolveQueue(where, listener.queue());
		Integer concurrency = resolveConcurrency(where, listener.concurrency(), queue);
		MethodNatsListenerEndpoint endpoint = new MethodNatsListenerEndpoint(resolveId(where, listener.id()),
				subjects, bean, invocable);
		endpoint.setQueue(queue);
		endpoint.setConcurrency(concurrency);
		endpoint.setAutoStartup(resolveAutoStartup(where, listener.autoStartup()));
		endpoint.setErrorHandler(resolveErrorHandler(where, listener.errorHandler()));
		endpoint.setSendTo(resolveSendTo(where, method, targetClass));
		return endpoint;
	}

	private void checkParameters(ListenerMethod where, Method method) {
		List<String> payloadParameters = new ArrayList<>();
		for (int i = 0; i < method.getParameterCount(); i++) {
			MethodParameter parameter = new MethodParameter(method, i);
			if (parameter.hasParameterAnnotation(Header.class) || parameter.hasParameterAnnotation(Headers.class)) {
				continue;
			}
			Class<?> type = parameter.getParameterType();
			if (Message.class.isAssignableFrom(type) || MessageHeaders.class.isAssignableFrom(type)
					|| MessageHeaderAccessor.class.isAssignableFrom(type)
					|| io.nats.client.Message.class.isAssignableFrom(type) || Connection.class.isAssignableFrom(type)) {
				continue;
			}
			if (type.getPackageName().startsWith("io.nats.client")) {
				throw where.invalid("parameter " + i + " of type " + type.getName()
						+ " cannot be resolved; of the jnats types only Message and Connection can be injected");
			}
			payloadParameters.add(i + " (" + type.getSimpleName() + ")");
		}
		if (payloadParameters.size() > 1) {
			throw where.invalid("parameters " + String.join(", ", payloadParameters)
					+ " would all be bound to the payload; mark all but one with @Header or @Headers");
		}
	}

	private String resolveId(ListenerMethod where, String declared) {
		String id = resolveText(where, declared);
		if (StringUtils.hasText(id)) {
			if (!this.listenerIds.add(id)) {
				throw where.invalid("another listener already has id '" + id + "'");
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

	private List<String> resolveSubjects(ListenerMethod where, String[] declared) {
		List<String> subjects = new ArrayList<>();
		for (String value : declared) {
			collectSubjects(where, resolve(where, value), subjects);
		}
		if (subjects.isEmpty()) {
			throw where.invalid("no subject is declared");
		}
		for (String subject : subjects) {
			String problem = NatsSubjectSyntax.checkSubscriptionSubject(subject);
			if (problem != null) {
				throw where.invalid("invalid " + problem);
			}
		}
		return subjects.stream().distinct().toList();
	}

	private void collectSubjects(ListenerMethod where, @Nullable Object resolved, List<String> subjects) {
		if (resolved instanceof String subject) {
			subjects.add(subject);
		}
		else if (resolved instanceof String[] array) {
			subjects.addAll(Arrays.asList(array));
		}
		else if (resolved instanceof Collection<?> collection) {
			collection.forEach((element) -> collectSubjects(where, element, subjects));
		}
		else if (resolved != null) {
			throw where.invalid("a subject expression resolved to a " + resolved.getClass().getName());
		}
	}

	private @Nullable String resolveQueue(ListenerMethod where, String declared) {
		String queue = resolveText(where, declared);
		if (!StringUtils.hasText(queue)) {
			return null;
		}
		if (StringUtils.containsWhitespace(queue)) {
			throw where.invalid("queue group '" + queue + "' contains whitespace");
		}
		return queue;
	}

	private @Nullable Integer resolveConcurrency(ListenerMethod where, String declared, @Nullable String queue) {
		String text = resolveText(where, declared);
		if (!StringUtils.hasText(text)) {
			return null;
		}
		int concurrency;
		try {
			concurrency = Integer.parseInt(text.strip());
		}
		catch (NumberFormatException ex) {
			throw where.invalid("concurrency '" + text + "' is not a number");
		}
		if (concurrency < 1) {
			throw where.invalid("concurrency must be at least 1, got " + concurrency);
		}
		if (concurrency > 1 && queue == null) {
			throw where.invalid("concurrency " + concurrency
					+ " needs a queue group; without one every subscription would receive each message");
		}
		return concurrency;
	}

	private @Nullable Boolean resolveAutoStartup(ListenerMethod where, String declared) {
		String text = resolveText(where, declared);
		if (!StringUtils.hasText(text)) {
			return null;
		}
		return switch (text.strip().toLowerCase()) {
			case "true" -> true;
			case "false" -> false;
			default -> throw where.invalid("autoStartup '" + text + "' is neither true nor false");
		};
	}

	private @Nullable NatsListenerErrorHandler resolveErrorHandler(ListenerMethod where, String declared) {
		String beanName = resolveText(where, declared);
		if (!StringUtils.hasText(beanName)) {
			return null;
		}
		if (!beanFactory().containsBean(beanName)) {
			throw where.invalid("there is no error handler bean named '" + beanName + "'");
		}
		return beanFactory().getBean(beanName, NatsListenerErrorHandler.class);
	}

	private @Nullable String resolveSendTo(ListenerMethod where, Method method, Class<?> targetClass) {
		SendTo sendTo = AnnotatedElementUtils.findMergedAnnotation(method, SendTo.class);
		if (sendTo == null) {
			sendTo = AnnotatedElementUtils.findMergedAnnotation(targetClass, SendTo.class);
		}
		if (sendTo == null) {
			return null;
		}
		if (sendTo.value().length != 1) {
			throw where.invalid("@SendTo must name exactly one subject");
		}
		String subject = resolveText(where, sendTo.value()[0]);
		String problem = NatsSubjectSyntax.checkPublishSubject(subject);
		if (problem != null) {
			throw where.invalid("invalid @SendTo " + problem);
		}
		return subject;
	}

	private @Nullable String resolveText(ListenerMethod where, String value) {
		Object resolved = resolve(where, value);
		if (resolved == null || resolved instanceof String) {
			return (String) resolved;
		}
		return resolved.toString();
	}

	private @Nullable Object resolve(ListenerMethod where, String value) {
		try {
			String placeholdersResolved = beanFactory().resolveEmbeddedValue(value);
			if (placeholdersResolved != null && placeholdersResolved.contains("${")) {
				// a context without a placeholder configurer resolves leniently, leaving the placeholder as text
				throw new IllegalArgumentException("unresolvable placeholder in '" + placeholdersResolved + "'");
			}
			BeanExpressionResolver resolver = beanFactory().getBeanExpressionResolver();
			return (resolver != null) ? resolver.evaluate(placeholdersResolved, this.expressionContext)
					: placeholdersResolved;
		}
		catch (RuntimeException ex) {
			throw where.invalid("cannot resolve '" + value + "': " + ex.getMessage());
		}
	}

	private ConfigurableListableBeanFactory beanFactory() {
		Assert.state(this.beanFactory != null, "BeanFactory not set");
		return this.beanFactory;
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.nonAnnotatedClasses.clear();
		ConfigurableListableBeanFactory beanFactory = beanFactory();
		beanFactory.getBeanProvider(NatsListenerEndpointRegistry.class).ifAvailable(this.registrar::setEndpointRegistry);
		beanFactory.getBeanProvider(NatsListenerContainerFactory.class).ifAvailable(this.registrar::setContainerFactory);
		NatsMessageConverter converter = beanFactory.getBeanProvider(NatsMessageConverter.class)
			.getIfUnique(PlainNatsMessageConverter::new);
		this.registrar.setMessageConverter(converter);
		this.registrar.setMessageHandlerMethodFactory(messageHandlerMethodFactory(beanFactory, converter));
		this.registrar.registerEndpoints();
	}

	private static MessageHandlerMethodFactory messageHandlerMethodFactory(ConfigurableListableBeanFactory beanFactory,
			NatsMessageConverter converter) {
		if (beanFactory.containsBean(MESSAGE_HANDLER_METHOD_FACTORY_BEAN_NAME)) {
			return beanFactory.getBean(MESSAGE_HANDLER_METHOD_FACTORY_BEAN_NAME, MessageHandlerMethodFactory.class);
		}
		NatsMessageHandlerMethodFactory factory = new NatsMessageHandlerMethodFactory(converter);
		factory.setBeanFactory(beanFactory);
		factory.afterPropertiesSet();
		return factory;
	}

	/** The listener method being processed, for failure messages that name it. */
	private record ListenerMethod(Class<?> targetClass, Method method) {

		IllegalStateException invalid(@Nullable String reason) {
			String parameters = Arrays.stream(this.method.getParameterTypes())
				.map(Class::getSimpleName)
				.collect(Collectors.joining(", "));
			return new IllegalStateException("@NatsListener method " + this.targetClass.getName() + "#"
					+ this.method.getName() + "(" + parameters + ") cannot work: " + reason);
		}
	}
}

package io.github.natsspring.annotation;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Thrown when a {@link NatsListener @NatsListener} method cannot work, naming the bean, the method, the
 * problem and what to change; a failure analyzer turns it into the startup report.
 */
public class NatsListenerMethodException extends IllegalStateException {

	private final String annotation;

	private final String beanName;

	private final Method method;

	private final String problem;

	private final String action;

	/**
	 * Creates an exception.
	 * @param beanName the name of the bean declaring the listener
	 * @param method the listener method
	 * @param problem why the method cannot work
	 * @param action what to change so that it can
	 */
	public NatsListenerMethodException(String beanName, Method method, String problem, String action) {
		this("@NatsListener", beanName, method, problem, action);
	}

	/**
	 * Creates an exception about a method with another listener annotation.
	 * @param annotation the annotation, e.g. {@code @JetStreamListener}
	 * @param beanName the name of the bean declaring the listener
	 * @param method the listener method
	 * @param problem why the method cannot work
	 * @param action what to change so that it can
	 */
	public NatsListenerMethodException(String annotation, String beanName, Method method, String problem,
			String action) {
		super(annotation + " method " + describe(method) + " of bean '" + beanName + "' cannot work: " + problem);
		this.annotation = annotation;
		this.beanName = beanName;
		this.method = method;
		this.problem = problem;
		this.action = action;
	}

	/**
	 * Describes a method as its class, name and parameter types, e.g.
	 * {@code com.example.Orders#onOrder(String, Connection)}.
	 * @param method the method
	 * @return the description
	 */
	public static String describe(Method method) {
		String parameters = Arrays.stream(method.getParameterTypes())
			.map(Class::getSimpleName)
			.collect(Collectors.joining(", "));
		return method.getDeclaringClass().getName() + "#" + method.getName() + "(" + parameters + ")";
	}

	/**
	 * The listener annotation of the method.
	 * @return the annotation, e.g. {@code @NatsListener}
	 */
	public String getAnnotation() {
		return this.annotation;
	}

	/**
	 * The name of the bean declaring the listener.
	 * @return the bean name
	 */
	public String getBeanName() {
		return this.beanName;
	}

	/**
	 * The listener method.
	 * @return the method
	 */
	public Method getMethod() {
		return this.method;
	}

	/**
	 * Why the method cannot work.
	 * @return the problem
	 */
	public String getProblem() {
		return this.problem;
	}

	/**
	 * What to change so that the method can work.
	 * @return the action
	 */
	public String getAction() {
		return this.action;
	}
}

package vn.gov.camau.g.gateway.identity;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource that is about the signed-in person: an application's own token (client
 * credentials) is refused there with 403 by {@link PeopleOnlyFilter}, before any body is read.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface PeopleOnly {}

package org.ccin.bot.routing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The short code a button record is written as, after its feature: {@code @ButtonCode("o")} on
 * {@code record Open(long id)} of feature "nl" is the data {@code nl:o:42}. Short because Telegram allows 64 bytes;
 * kept when a record is renamed, because buttons already sent in chats still carry the old data.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ButtonCode {
    String value();
}

package org.aupat.foundation.validation;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.aupat.foundation.error.ValidationError;

/** Web addresses a location refers to: http or https with a host. */
public final class WebAddresses {
    private WebAddresses() {
    }

    /** The URL's host, lowercased and without port; refuses anything but an http(s) URL with a host. */
    public static String host(String field, String url) {
        if (url == null || url.isBlank()) {
            throw new ValidationError(field, url, "is missing. Give a web address such as https://example.org/page.");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new ValidationError(field, url, "is not a valid web address (" + e.getReason()
                    + "). Give one such as https://example.org/page.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new ValidationError(field, url, "must start with http:// or https://.");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new ValidationError(field, url, "has no host name. Give one such as https://example.org/page.");
        }
        return uri.getHost().toLowerCase(Locale.ROOT);
    }
}

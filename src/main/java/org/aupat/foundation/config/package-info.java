/** Typed, validated settings under the {@code aupat.*} prefix, and the original tool's user.json mapped onto them. */
package org.aupat.foundation.config;

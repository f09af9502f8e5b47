/** Typed, validated settings under the {@code aupat.*} prefix. */
package org.aupat.foundation.config;

/** Checks of every input AUPAT accepts (identifiers, paths, names, states, URLs, rule files), each failing with a ValidationError. */
package org.aupat.foundation.validation;

/** Output meant for a person: results on stdout, messages on stderr, quiet and verbose modes. */
package org.aupat.foundation.console;

/** Locations and sub-locations: identifiers, names, states and types. */
package org.aupat.archive.location;

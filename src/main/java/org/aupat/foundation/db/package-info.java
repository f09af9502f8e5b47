/** SQLite access: the single-connection data source, logged transactions and SQLite error translation. */
package org.aupat.foundation.db;

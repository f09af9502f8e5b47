/** Rule files (config/rules/*.json): loaded into typed records and checked, naming file and field on bad content. */
package org.aupat.archive.rules;

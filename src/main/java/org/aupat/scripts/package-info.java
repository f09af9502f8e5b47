/** The scripts: one thin CommandLineRunner per catalog entry that parses options and calls one service. */
package org.aupat.scripts;

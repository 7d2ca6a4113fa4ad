/**
 * Import, export and interchange of person records (issue 14): here, notification bundles between instances
 * (GC III Art. 122 to 123), classes {@code Bundle*}.
 */
package org.parley.interchange;

// Appended to Hangfire's dashboard script bundle (HangfireDashboard.cs). Chart.js would inject its resize-monitor CSS as
// an inline <style>, which the dashboard's Content-Security-Policy refuses; Hangfire's stylesheet bundle already has it.
if (window.Chart && window.Chart.platform) {
  window.Chart.platform.disableCSSInjection = true;
}

// What the shell offers modules: its API version and the shared singletons it provides, with
// their versions. A test keeps these in step with shell/package.json.
export const SHELL_ENVIRONMENT = {
  shellVersion: '1.0.0',
  shared: {
    react: '19.3.1',
    'react-dom': '19.3.1',
    'react-router': '7.18.5',
    zustand: '5.1.0',
    '@plugboard/sdk': '1.0.0',
  } as Record<string, string>,
};
